/**
 * A venue simulator for tests and demos: a QuickFIX/J FIX 4.4 acceptor that acknowledges and fills orders at
 * the touch of a {@code LatestQuotes}, so the gateway is exercised over a real FIX session on loopback.
 */
package io.rebalancer.venue;

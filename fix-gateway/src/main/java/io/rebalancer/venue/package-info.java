/**
 * A venue simulator for tests and demos: a QuickFIX/J acceptor (FIX 4.4 and 4.2 sessions) that acknowledges,
 * fills, cancels and replaces orders at the touch of a {@code LatestQuotes}, answers order status requests, refuses
 * duplicate ClOrdIDs, and injects configurable faults, so the gateway is exercised over a real FIX session on
 * loopback.
 */
package io.rebalancer.venue;

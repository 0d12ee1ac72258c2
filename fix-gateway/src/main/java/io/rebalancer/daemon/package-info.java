/**
 * The composition root: the daemon's command line and the wiring of engine, synthetic market, venue (paper, or
 * the FIX gateway and venue simulator) and console reporter. Nothing imports this package.
 */
package io.rebalancer.daemon;

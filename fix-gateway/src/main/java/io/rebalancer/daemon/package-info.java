/**
 * The composition root: the daemon's command line and the wiring of engine, synthetic market, venue (the FIX gateway
 * and venue simulator, or the paper venue, behind {@code Venue}), console reporter, and the way out on a signal
 * ({@code SignalStop}, {@code StopTrading}). Nothing imports this package.
 */
package io.rebalancer.daemon;

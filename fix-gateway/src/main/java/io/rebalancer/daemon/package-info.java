/**
 * The composition root: the daemon's command line and the wiring of engine, synthetic market, paper venue and
 * console reporter. Nothing imports this package.
 */
package io.rebalancer.daemon;

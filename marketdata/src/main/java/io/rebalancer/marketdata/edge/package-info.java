/** The market-data edge: every feed's ticks are judged, counted and conflated here before the engine's ring. */
package io.rebalancer.marketdata.edge;

/**
 * FIX market data in: a QuickFIX/J initiator session that subscribes to top-of-book market data (MarketDataRequest)
 * and turns snapshots and increments into whole, exact ticks for the market-data edge. QuickFIX/J types never leave
 * this package; what leaves is primitive calls on {@code MarketDataEdge}.
 */
package io.rebalancer.fix.md;

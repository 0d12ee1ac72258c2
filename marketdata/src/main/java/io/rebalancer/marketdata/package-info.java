/** Market-data sources and the one interface they deliver ticks through ({@link io.rebalancer.marketdata.TickSink}). */
package io.rebalancer.marketdata;

/** Historical replay from CSV files (one column per instrument, or one tick per line) into a market-data sink. */
package io.rebalancer.marketdata.csv;

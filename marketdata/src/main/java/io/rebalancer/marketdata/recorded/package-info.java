/**
 * A recorded feed: any source's raw calls kept in a Chronicle Queue ({@link FeedRecorder}) and replayed exactly
 * ({@link RecordedFeed}).
 */
package io.rebalancer.marketdata.recorded;

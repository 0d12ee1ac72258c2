/**
 * The end-to-end latency harness: ticks injected at fixed offered rates, latency recorded in HdrHistogram from
 * each tick's intended send time (so coordinated omission is counted), beside the floors measured the same way in
 * the same run.
 */
package io.rebalancer.benchmarks.harness;

/** The suite runner: one command for the JMH benchmarks, the latency harness and the sustained throughput. */
package io.rebalancer.benchmarks.suite;

/** JMH benchmarks of the engine's hot path, each beside the baseline it is judged against. */
package io.rebalancer.benchmarks;

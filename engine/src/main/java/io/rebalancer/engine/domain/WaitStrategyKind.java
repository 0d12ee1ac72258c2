package io.rebalancer.engine.domain;

/**
 * How the engine thread waits for the next event. Busy-spin only on a pinned, isolated core: two spinning
 * threads on a 2-core box starve each other (see benchmarks/README.md).
 */
public enum WaitStrategyKind {
    BLOCKING,
    SLEEPING,
    YIELDING,
    BUSY_SPIN
}

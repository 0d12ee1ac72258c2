package io.rebalancer.engine.domain;

/** How far a rebalance moves each asset. */
public enum PlannerMode {
    /** Every asset back to its target weight. */
    TO_TARGET,
    /** Only assets outside their band, and only back to the band's re-arm edge (band x (1 - hysteresis)). */
    TO_BAND_EDGE,
    /** Every asset halfway from its current weight to its target. */
    HALFWAY
}

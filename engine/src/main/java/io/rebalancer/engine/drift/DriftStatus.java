package io.rebalancer.engine.drift;

/** Whether a portfolio could be judged at all. Only {@link #OK} portfolios may trigger or trade. */
public enum DriftStatus {
    OK,
    /** A held or targeted instrument has no price, or one older than the configured age. */
    STALE_PRICE,
    /** Nothing to judge: no investable value, or a value too large to represent. */
    NO_VALUE
}

package io.rebalancer.engine.domain;

/** The engine-wide kill switch, checked by the risk gate on every child order. */
public enum TradingState {
    /** Orders in both directions may leave. */
    ACTIVE,
    /** Only orders that reduce a holding (sells, as the engine never shorts) may leave. */
    REDUCING,
    /** Nothing leaves. */
    HALTED
}

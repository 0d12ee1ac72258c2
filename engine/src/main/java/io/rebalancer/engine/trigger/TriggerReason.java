package io.rebalancer.engine.trigger;

/** Why a portfolio rebalanced, reported with every rebalance. */
public enum TriggerReason {
    NONE,
    /** Drift left the bands while the trigger was armed. */
    THRESHOLD,
    /** Still out of bounds after a rebalance, and drift grew by another hysteresis step since. */
    ESCALATION,
    /** A scheduled calendar review. */
    CALENDAR,
    /** A scheduled calendar review found the portfolio out of its bands. */
    CALENDAR_THRESHOLD,
    /** An operator asked for it. */
    MANUAL
}

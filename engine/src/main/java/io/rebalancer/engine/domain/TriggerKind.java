package io.rebalancer.engine.domain;

/** When a portfolio rebalances. */
public enum TriggerKind {
    /** Whenever drift leaves the bands (with hysteresis), at any time. */
    THRESHOLD,
    /** At every calendar review, whatever the drift. */
    CALENDAR,
    /** At every calendar review, but only when drift is beyond the bands at that moment. */
    CALENDAR_THRESHOLD,
    /** Whenever drift leaves the bands, and also at every calendar review whatever the drift. */
    THRESHOLD_OR_CALENDAR;

    public boolean hasCalendar() {
        return this != THRESHOLD;
    }
}

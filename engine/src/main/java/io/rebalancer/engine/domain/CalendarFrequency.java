package io.rebalancer.engine.domain;

/** How often a calendar review happens. */
public enum CalendarFrequency {
    DAILY,
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    ANNUAL
}

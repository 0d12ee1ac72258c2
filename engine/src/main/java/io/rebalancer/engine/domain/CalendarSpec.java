package io.rebalancer.engine.domain;

import java.time.ZoneId;

/**
 * A calendar review schedule. A review is due at the first event whose time is at or after the scheduled
 * instant, so a review that falls on a weekend happens at the first tick of the next trading day.
 *
 * @param frequency     daily, weekly, monthly, quarterly or annual
 * @param dayOfWeek     ISO day of week 1 (Monday) .. 7 (Sunday), for weekly reviews
 * @param dayOfMonth    1..31 (clamped to the month's length), or {@link #LAST_DAY}, for monthly and longer
 * @param month         1..12: the month of an annual review, or the first month (1..3) of a quarterly cycle
 * @param secondOfDay   local time of day of the review, in seconds after midnight
 * @param zone          the time zone the date and time of day are read in
 */
public record CalendarSpec(CalendarFrequency frequency, int dayOfWeek, int dayOfMonth, int month, int secondOfDay,
                           ZoneId zone) {
    /** {@code dayOfMonth} value meaning the last day of the month. */
    public static final int LAST_DAY = -1;

    public CalendarSpec {
        if (frequency == null || zone == null || dayOfWeek < 1 || dayOfWeek > 7 || month < 1 || month > 12
            || (dayOfMonth != LAST_DAY && (dayOfMonth < 1 || dayOfMonth > 31))
            || secondOfDay < 0 || secondOfDay >= 86_400) {
            throw new IllegalArgumentException("invalid calendar " + frequency + " dow=" + dayOfWeek
                + " dom=" + dayOfMonth + " month=" + month + " second=" + secondOfDay + " zone=" + zone);
        }
        if (frequency == CalendarFrequency.QUARTERLY && month > 3) {
            throw new IllegalArgumentException("a quarterly cycle starts in month 1, 2 or 3, not " + month);
        }
    }
}

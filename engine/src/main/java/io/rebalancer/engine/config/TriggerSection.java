package io.rebalancer.engine.config;

import io.rebalancer.engine.domain.CalendarFrequency;
import io.rebalancer.engine.domain.CalendarSpec;
import io.rebalancer.engine.domain.TriggerKind;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Reads a portfolio's {@code [trigger]}: the kind, and for calendar kinds the review schedule. A calendar key under
 * a threshold trigger is an error, not ignored: it means the user expects a review that would never happen.
 */
final class TriggerSection {
    static final List<String> KEYS = List.of("kind", "frequency", "day", "month", "time", "zone");
    private static final List<String> CALENDAR_KEYS = List.of("frequency", "day", "month", "time", "zone");
    private static final int QUARTER = 3;

    /**
     * The trigger of one portfolio.
     *
     * @param kind     when it rebalances
     * @param calendar the review schedule, or null for a threshold trigger
     */
    record Trigger(TriggerKind kind, CalendarSpec calendar) {
    }

    private TriggerSection() {
    }

    static Trigger read(final IniSection section) throws ConfigException {
        section.requireKnownKeys(KEYS);
        final IniEntry kindEntry = section.get("kind");
        final TriggerKind kind = kindEntry == null
            ? ConfigDefaults.DEFAULT_TRIGGER : Values.choice(kindEntry, TriggerKind.class);
        if (!kind.hasCalendar()) {
            for (final IniEntry entry : section.entries()) {
                if (CALENDAR_KEYS.contains(entry.key())) {
                    throw entry.error("only calendar triggers use this key, but kind is threshold"
                        + (kindEntry == null ? " (the default)" : "") + "; set kind = calendar, calendar-threshold "
                        + "or threshold-or-calendar, or remove this line");
                }
            }
            return new Trigger(kind, null);
        }
        return new Trigger(kind, calendar(section, kindEntry));
    }

    private static CalendarSpec calendar(final IniSection section, final IniEntry kindEntry) throws ConfigException {
        final IniEntry frequencyEntry = section.get("frequency");
        if (frequencyEntry == null) {
            final String detail = "needs a frequency; add frequency = daily, weekly, monthly, quarterly or annual";
            throw kindEntry == null ? section.error(detail) : kindEntry.error(kindEntry.value() + " " + detail);
        }
        final CalendarFrequency frequency = Values.choice(frequencyEntry, CalendarFrequency.class);
        final String every = Values.name(frequency);
        final IniEntry dayEntry = section.get("day");
        final IniEntry monthEntry = section.get("month");
        if (frequency == CalendarFrequency.DAILY && dayEntry != null) {
            throw dayEntry.error("daily reviews happen every day; remove this line");
        }
        if (frequency != CalendarFrequency.DAILY && dayEntry == null) {
            throw frequencyEntry.error(every + " reviews need a day; add day = "
                + (frequency == CalendarFrequency.WEEKLY ? "monday .. sunday" : "1 .. 31 or day = last"));
        }
        final boolean usesMonth = frequency == CalendarFrequency.ANNUAL || frequency == CalendarFrequency.QUARTERLY;
        if (!usesMonth && monthEntry != null) {
            throw monthEntry.error("only annual and quarterly reviews use month, not " + every + " ones; remove "
                + "this line");
        }
        final int month = monthEntry == null ? ConfigDefaults.DEFAULT_CALENDAR_MONTH : month(monthEntry);
        if (frequency == CalendarFrequency.QUARTERLY && month > QUARTER) {
            throw monthEntry.error("a quarterly cycle starts in month 1, 2 or 3 (jan, feb or mar); " + month
                + " is the same cycle as " + ((month - 1) % QUARTER + 1));
        }
        final int dayOfWeek = frequency == CalendarFrequency.WEEKLY ? dayOfWeek(dayEntry) : 1;
        final int dayOfMonth = frequency == CalendarFrequency.DAILY || frequency == CalendarFrequency.WEEKLY
            ? 1 : dayOfMonth(dayEntry);
        if (frequency == CalendarFrequency.ANNUAL && dayOfMonth > Month.of(month).maxLength()) {
            throw dayEntry.error(Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " has no day "
                + dayOfMonth + "; use day = last for the month's last day");
        }
        final IniEntry timeEntry = section.get("time");
        final int secondOfDay = timeEntry == null
            ? ConfigDefaults.DEFAULT_CALENDAR_SECOND_OF_DAY : Values.secondOfDay(timeEntry);
        final IniEntry zoneEntry = section.get("zone");
        final ZoneId zone = zoneEntry == null ? ConfigDefaults.DEFAULT_CALENDAR_ZONE : Values.zone(zoneEntry);
        return ConfigException.guard(section.file(), section.line(),
            () -> new CalendarSpec(frequency, dayOfWeek, dayOfMonth, month, secondOfDay, zone));
    }

    /** {@code monday} .. {@code sunday} (or {@code mon} .. {@code sun}) as ISO 1 .. 7. */
    private static int dayOfWeek(final IniEntry entry) throws ConfigException {
        final String text = entry.value().toLowerCase(Locale.ROOT);
        for (final DayOfWeek day : DayOfWeek.values()) {
            final String name = day.name().toLowerCase(Locale.ROOT);
            if (!text.isEmpty() && (text.equals(name) || text.equals(name.substring(0, 3)))) {
                return day.getValue();
            }
        }
        throw entry.error("\"" + entry.value() + "\" is not a day of the week; weekly reviews take monday, tuesday, "
            + "wednesday, thursday, friday, saturday or sunday");
    }

    /** {@code 1} .. {@code 31} or {@code last}. */
    private static int dayOfMonth(final IniEntry entry) throws ConfigException {
        if (entry.value().equalsIgnoreCase("last")) {
            return CalendarSpec.LAST_DAY;
        }
        if (entry.value().matches("[0-9]{1,2}")) {
            final int day = Integer.parseInt(entry.value());
            if (day >= 1 && day <= 31) {
                return day;
            }
        }
        throw entry.error("\"" + entry.value() + "\" is not a day of the month; use 1 .. 31 (a short month uses "
            + "its last day) or last");
    }

    /** {@code 1} .. {@code 12}, or a month name, full or three letters ({@code jan}, {@code september}). */
    private static int month(final IniEntry entry) throws ConfigException {
        final String text = entry.value().toLowerCase(Locale.ROOT);
        if (text.matches("[0-9]{1,2}")) {
            final int month = Integer.parseInt(text);
            if (month >= 1 && month <= 12) {
                return month;
            }
        }
        for (final Month month : Month.values()) {
            final String name = month.name().toLowerCase(Locale.ROOT);
            if (!text.isEmpty() && (text.equals(name) || text.equals(name.substring(0, 3)))) {
                return month.getValue();
            }
        }
        throw entry.error("\"" + entry.value() + "\" is not a month; use 1 .. 12 or jan .. dec");
    }
}

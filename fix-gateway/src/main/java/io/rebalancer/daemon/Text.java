package io.rebalancer.daemon;

import io.rebalancer.engine.domain.Fixed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the daemon shows numbers and times to people. Used off the engine thread only: every call allocates. */
final class Text {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private Text() {
    }

    /** Micros as money with thousands separators and two decimals, rounded half-even: {@code 175,400.00}. */
    static String money(final long micros) {
        return String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(micros, Fixed.DECIMALS)
            .setScale(2, RoundingMode.HALF_EVEN));
    }

    /** A fraction as a percentage with two decimals: {@code 0.041} is {@code 4.10%}. */
    static String percent(final double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    static String ratio(final double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    static String count(final long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Epoch nanos in the zone: {@code 2026-01-29 14:30:00.000}. */
    static String time(final long epochNanos, final ZoneId zone) {
        if (epochNanos == Long.MIN_VALUE) {
            return "(no time yet)          ";
        }
        return TIME.format(Instant.ofEpochSecond(0, epochNanos).atZone(zone));
    }

    /** Nanoseconds in the largest unit that divides them exactly: {@code 1s}, {@code 12h}, {@code 1500ms}. */
    static String duration(final long nanos) {
        final long[] units = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L,
            1_000L, 1L};
        final String[] names = {"d", "h", "m", "s", "ms", "us", "ns"};
        for (int i = 0; i < units.length; i++) {
            if (nanos % units[i] == 0) {
                return nanos / units[i] + names[i];
            }
        }
        return nanos + "ns";
    }

    /** An enum constant's name for a sentence: {@code CALENDAR_THRESHOLD} is {@code calendar threshold}. */
    static String words(final Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

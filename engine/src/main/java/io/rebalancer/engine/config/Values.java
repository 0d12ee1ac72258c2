package io.rebalancer.engine.config;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Ppm;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the value types people write in the files. Money and percentages go through {@link Fixed#parse}
 * and {@link Ppm}, never through {@code double}. Each parser checks syntax and the type's own limits and says
 * what a good value looks like; the caller checks ranges that depend on the key, with its own explanation.
 */
final class Values {
    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)");
    private static final Pattern DURATION = Pattern.compile("([0-9]+)\\s*(ms|s|m|h|d)");
    private static final Pattern TIME = Pattern.compile("([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?");
    private static final int MAX_PERCENT_DECIMALS = 4;
    private static final int MAX_BASIS_POINT_DECIMALS = 2;

    private Values() {
    }

    /** A whole number in {@code [min, max]}, digits only with an optional sign. */
    static long integer(final SourceValue value, final long min, final long max) throws ConfigException {
        final long number = wholeNumber(value);
        if (number < min) {
            throw value.error(min == 0 ? number + " is negative; use 0 or more" : number + " is too small; use "
                + min + " or more");
        }
        if (number > max) {
            throw value.error(number + " is too large; use at most " + max);
        }
        return number;
    }

    /** A whole number of any sign. */
    static long wholeNumber(final SourceValue value) throws ConfigException {
        final String text = present(value);
        if (!WHOLE.matcher(text).matches()) {
            throw value.error(quote(text) + " is not a whole number; write digits only, with no decimal point, "
                + "separators or units");
        }
        try {
            return Long.parseLong(text);
        } catch (final NumberFormatException ex) {
            throw value.error(quote(text) + " is too large");
        }
    }

    /** An amount of money, exact to the micro, of any sign: see {@link #nonNegativeAmount} and the like. */
    static long amount(final SourceValue value) throws ConfigException {
        final String text = present(value);
        final long micros = Fixed.parse(text);
        if (micros != Fixed.INVALID) {
            return micros;
        }
        final int places = decimalPlaces(text);
        if (places < 0) {
            throw value.error(quote(text) + " is not a decimal amount; write digits with at most one point and no "
                + "separators or currency signs, e.g. 250000.00");
        }
        if (places > Fixed.DECIMALS) {
            throw value.error(quote(text) + " has " + places + " decimal places; amounts are exact to "
                + Fixed.DECIMALS + " places (0.000001)");
        }
        throw value.error(quote(text) + " is too large");
    }

    /** An amount of money that is 0 or more, in micros. */
    static long nonNegativeAmount(final SourceValue value) throws ConfigException {
        final long micros = amount(value);
        if (micros < 0) {
            throw value.error(value.text() + " is negative; use 0 or more");
        }
        return micros;
    }

    /** An amount of money above 0, in micros. */
    static long positiveAmount(final SourceValue value) throws ConfigException {
        final long micros = amount(value);
        if (micros <= 0) {
            throw value.error(value.text() + " must be more than 0");
        }
        return micros;
    }

    /** A percentage such as {@code 12.5} or {@code 12.5%}, 0 to 1000%, at most 4 decimals, in ppm. */
    static int percent(final SourceValue value) throws ConfigException {
        final String text = present(value);
        final int ppm = Ppm.parsePercent(text);
        if (ppm != Ppm.INVALID) {
            return ppm;
        }
        final String body = text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
        final int places = decimalPlaces(body);
        if (places < 0) {
            throw value.error(quote(text) + " is not a percentage; write a number such as 12.5 or 12.5%");
        }
        if (body.startsWith("-")) {
            throw value.error(quote(text) + " is negative; use 0 or more");
        }
        if (places > MAX_PERCENT_DECIMALS) {
            throw value.error(quote(text) + " has " + places + " decimal places; percentages take at most "
                + MAX_PERCENT_DECIMALS + " (0.0001%)");
        }
        throw value.error(quote(text) + " is above 1000%");
    }

    /** Basis points such as {@code 10} or {@code 2.5}, 0 to 100000, at most 2 decimals, in ppm. */
    static int basisPoints(final SourceValue value) throws ConfigException {
        final String text = present(value);
        final int ppm = Ppm.parseBasisPoints(text);
        if (ppm != Ppm.INVALID) {
            return ppm;
        }
        final int places = decimalPlaces(text);
        if (places < 0) {
            throw value.error(quote(text) + " is not a number of basis points; write a number such as 10 or 2.5 "
                + "(1 basis point = 0.01%)");
        }
        if (text.startsWith("-")) {
            throw value.error(quote(text) + " is negative; use 0 or more");
        }
        if (places > MAX_BASIS_POINT_DECIMALS) {
            throw value.error(quote(text) + " has " + places + " decimal places; basis points take at most "
                + MAX_BASIS_POINT_DECIMALS);
        }
        throw value.error(quote(text) + " is above 100000 basis points");
    }

    /** A positive duration such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or {@code 3d}, in nanos. */
    static long durationNanos(final SourceValue value) throws ConfigException {
        final String text = present(value);
        final Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw value.error(quote(text) + " is not a duration; write a whole number and a unit (ms, s, m, h or "
                + "d), e.g. 500ms, 30s or 5m");
        }
        final TimeUnit unit = switch (matcher.group(2)) {
            case "ms" -> TimeUnit.MILLISECONDS;
            case "s" -> TimeUnit.SECONDS;
            case "m" -> TimeUnit.MINUTES;
            case "h" -> TimeUnit.HOURS;
            default -> TimeUnit.DAYS;
        };
        final long amount;
        try {
            amount = Long.parseLong(matcher.group(1));
        } catch (final NumberFormatException ex) {
            throw value.error(quote(text) + " is too long");
        }
        final long nanos = unit.toNanos(amount);
        if (nanos == Long.MAX_VALUE) {
            throw value.error(quote(text) + " is too long");
        }
        if (nanos == 0) {
            throw value.error(quote(text) + " must be longer than 0");
        }
        return nanos;
    }

    /** A time zone such as {@code America/New_York} or {@code UTC}. */
    static ZoneId zone(final SourceValue value) throws ConfigException {
        final String text = present(value);
        try {
            return ZoneId.of(text);
        } catch (final DateTimeException ex) {
            final String closest = Suggestions.closest(text, ZoneId.getAvailableZoneIds());
            throw value.error(quote(text) + " is not a time zone; " + (closest == null
                ? "use a region such as America/New_York, Europe/London or UTC" : "did you mean " + closest + "?"));
        }
    }

    /** A local time of day {@code HH:MM} or {@code HH:MM:SS} on a 24-hour clock, as seconds after midnight. */
    static int secondOfDay(final SourceValue value) throws ConfigException {
        final String text = present(value);
        final Matcher matcher = TIME.matcher(text);
        if (matcher.matches()) {
            final int hours = Integer.parseInt(matcher.group(1));
            final int minutes = Integer.parseInt(matcher.group(2));
            final int seconds = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
            if (hours < 24 && minutes < 60 && seconds < 60) {
                return hours * 3600 + minutes * 60 + seconds;
            }
        }
        throw value.error(quote(text) + " is not a time of day; write HH:MM or HH:MM:SS on a 24-hour clock, "
            + "e.g. 16:00 or 15:30:00");
    }

    /** One of an enum's constants, written in lower case with dashes ({@code BUSY_SPIN} is {@code busy-spin}). */
    static <E extends Enum<E>> E choice(final SourceValue value, final Class<E> type) throws ConfigException {
        final String text = present(value);
        final List<String> names = new ArrayList<>();
        for (final E constant : type.getEnumConstants()) {
            final String name = name(constant);
            if (name.equalsIgnoreCase(text)) {
                return constant;
            }
            names.add(name);
        }
        final String closest = Suggestions.closest(text, names);
        throw value.error(quote(text) + " is not one of " + String.join(", ", names)
            + (closest == null ? "" : "; did you mean " + closest + "?"));
    }

    /** How an enum constant is written in the files. */
    static String name(final Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Digits after the point of a plain decimal, or -1 when the text is not one. */
    private static int decimalPlaces(final String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return -1;
        }
        final int point = text.indexOf('.');
        return point < 0 ? 0 : text.length() - point - 1;
    }

    private static String present(final SourceValue value) throws ConfigException {
        if (value.text().isEmpty()) {
            throw value.error(value instanceof IniEntry
                ? "no value after the =; write one or remove the line" : "empty; write a value");
        }
        return value.text();
    }

    private static String quote(final String text) {
        return "\"" + text + "\"";
    }
}

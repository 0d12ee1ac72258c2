package io.rebalancer.venue;

import quickfix.ConfigError;
import quickfix.SessionSettings;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How the venue simulator behaves: realism (latency, partial fills, cancelling orders that cannot fill) and
 * faults for tests (random rejects, ack-less fills, duplicate and out-of-order reports, disconnects). Every
 * random choice draws from one generator seeded with {@link #seed()} on the venue's own thread, so the same
 * orders in the same order meet the same faults.
 *
 * @param partialFills          fill each order of two lots or more in two parts ({@link FillRules#firstPartial})
 * @param fillAtLimit           ignore the quotes: every order is marketable and fills at its own limit price (a
 *                              venue that sees none of its client's market, as a test acceptor in another process)
 * @param ackDelayNanos         wall-clock delay between receiving an order and acknowledging it
 * @param fillDelayNanos        wall-clock delay between the acknowledgement and the first fill
 * @param partialGapNanos       with partial fills, wall-clock delay between the first part and the rest
 * @param rejectProbability     chance that a valid new order is rejected anyway (ExecType 8)
 * @param ackless               send no New acknowledgement: an order gets one full fill when marketable
 * @param duplicateProbability  chance that an execution report is sent a second time with the same ExecID
 * @param duplicatesPossDup     mark those second copies PossDupFlag=Y (with OrigSendingTime), or send them plainly
 * @param fillBeforeAck         an order marketable when acknowledged gets its fill report before its New ack
 *                              (with no fill delay only: a delay separates the two anyway)
 * @param disconnectEveryOrders drop the session after every N-th new order (0: never)
 * @param disconnectProbability chance of dropping the session after a new order
 * @param maxRestNanos          wall-clock time an order may rest unfilled before the venue cancels it (0: forever)
 * @param dayClose              time of day (UTC, in the market's quote time) when DAY orders expire; null: never
 * @param seed                  seed of every random choice above
 */
public record VenueBehaviour(boolean partialFills, boolean fillAtLimit, long ackDelayNanos, long fillDelayNanos,
                             long partialGapNanos, double rejectProbability,
                             boolean ackless, double duplicateProbability, boolean duplicatesPossDup,
                             boolean fillBeforeAck, int disconnectEveryOrders, double disconnectProbability,
                             long maxRestNanos, LocalTime dayClose, long seed) {
    /** Custom settings keys read by {@link #fromSettings} from the [DEFAULT] section of venue.cfg. */
    public static final String KEY_PARTIAL_FILLS = "VenuePartialFills";
    public static final String KEY_FILL_AT_LIMIT = "VenueFillAtLimit";
    public static final String KEY_ACK_DELAY = "VenueAckDelay";
    public static final String KEY_FILL_DELAY = "VenueFillDelay";
    public static final String KEY_PARTIAL_GAP = "VenuePartialFillGap";
    public static final String KEY_REJECT_PROBABILITY = "VenueRejectProbability";
    public static final String KEY_ACKLESS = "VenueAckless";
    public static final String KEY_DUPLICATE_PROBABILITY = "VenueDuplicateProbability";
    public static final String KEY_DUPLICATES_POSS_DUP = "VenueDuplicatesPossDup";
    public static final String KEY_FILL_BEFORE_ACK = "VenueFillBeforeAck";
    public static final String KEY_DISCONNECT_EVERY = "VenueDisconnectEveryOrders";
    public static final String KEY_DISCONNECT_PROBABILITY = "VenueDisconnectProbability";
    public static final String KEY_MAX_REST = "VenueMaxRest";
    public static final String KEY_DAY_CLOSE = "VenueDayClose";
    public static final String KEY_SEED = "VenueSeed";

    /** Whole fills at once, no delay, no faults, orders rest forever. */
    public static final VenueBehaviour DEFAULT = builder().build();

    /** Validates once, so the agent never meets a nonsensical option. */
    public VenueBehaviour {
        requireNonNegative("ack delay", ackDelayNanos);
        requireNonNegative("fill delay", fillDelayNanos);
        requireNonNegative("partial fill gap", partialGapNanos);
        requireNonNegative("max rest", maxRestNanos);
        requireNonNegative("disconnect every N orders", disconnectEveryOrders);
        requireProbability("reject probability", rejectProbability);
        requireProbability("duplicate probability", duplicateProbability);
        requireProbability("disconnect probability", disconnectProbability);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to change a few. */
    public Builder toBuilder() {
        return new Builder().partialFills(partialFills).fillAtLimit(fillAtLimit).ackDelayNanos(ackDelayNanos)
            .fillDelayNanos(fillDelayNanos).partialGapNanos(partialGapNanos).rejectProbability(rejectProbability)
            .ackless(ackless).duplicateProbability(duplicateProbability).duplicatesPossDup(duplicatesPossDup)
            .fillBeforeAck(fillBeforeAck)
            .disconnectEveryOrders(disconnectEveryOrders).disconnectProbability(disconnectProbability)
            .maxRestNanos(maxRestNanos).dayClose(dayClose).seed(seed);
    }

    /**
     * The behaviour named by the custom {@code Venue*} keys of the settings' [DEFAULT] section (QuickFIX/J
     * ignores keys it does not know); a missing key keeps the default of {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException naming the key and the expected form when a value is unreadable
     */
    public static VenueBehaviour fromSettings(final SessionSettings settings) {
        final Builder b = builder();
        b.partialFills(flag(settings, KEY_PARTIAL_FILLS, false));
        b.fillAtLimit(flag(settings, KEY_FILL_AT_LIMIT, false));
        b.ackDelayNanos(duration(settings, KEY_ACK_DELAY));
        b.fillDelayNanos(duration(settings, KEY_FILL_DELAY));
        b.partialGapNanos(duration(settings, KEY_PARTIAL_GAP));
        b.rejectProbability(probability(settings, KEY_REJECT_PROBABILITY));
        b.ackless(flag(settings, KEY_ACKLESS, false));
        b.duplicateProbability(probability(settings, KEY_DUPLICATE_PROBABILITY));
        b.duplicatesPossDup(flag(settings, KEY_DUPLICATES_POSS_DUP, true));
        b.fillBeforeAck(flag(settings, KEY_FILL_BEFORE_ACK, false));
        b.disconnectEveryOrders((int)number(settings, KEY_DISCONNECT_EVERY));
        b.disconnectProbability(probability(settings, KEY_DISCONNECT_PROBABILITY));
        b.maxRestNanos(duration(settings, KEY_MAX_REST));
        final String close = text(settings, KEY_DAY_CLOSE);
        b.dayClose(close == null || close.isBlank() ? null : time(KEY_DAY_CLOSE, close));
        b.seed(number(settings, KEY_SEED));
        try {
            return b.build();
        } catch (final IllegalArgumentException ex) {
            throw new IllegalArgumentException("venue settings: " + ex.getMessage(), ex);
        }
    }

    /**
     * A duration as a whole number and a unit: ns, us, ms, s, m, h or d ({@code 250ms}, {@code 2s}); a bare
     * {@code 0} is zero.
     *
     * @throws IllegalArgumentException naming {@code what} when the text is not such a duration
     */
    public static long parseDuration(final String what, final String text) {
        final String t = text.trim().toLowerCase(Locale.ROOT);
        if ("0".equals(t)) {
            return 0;
        }
        int digits = 0;
        while (digits < t.length() && Character.isDigit(t.charAt(digits))) {
            digits++;
        }
        final TimeUnit unit = digits == 0 ? null : unit(t.substring(digits));
        if (unit == null || digits > 15) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a duration such as 250ms, 2s or 5m");
        }
        return unit.toNanos(Long.parseLong(t.substring(0, digits)));
    }

    /**
     * A time of day as {@code HH:mm[:ss]}.
     *
     * @throws IllegalArgumentException naming {@code what} when it is not one
     */
    public static LocalTime time(final String what, final String text) {
        try {
            return LocalTime.parse(text.trim());
        } catch (final DateTimeParseException ex) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a time of day such as 20:00", ex);
        }
    }

    private static TimeUnit unit(final String suffix) {
        switch (suffix) {
            case "ns":
                return TimeUnit.NANOSECONDS;
            case "us":
                return TimeUnit.MICROSECONDS;
            case "ms":
                return TimeUnit.MILLISECONDS;
            case "s":
                return TimeUnit.SECONDS;
            case "m":
                return TimeUnit.MINUTES;
            case "h":
                return TimeUnit.HOURS;
            case "d":
                return TimeUnit.DAYS;
            default:
                return null;
        }
    }

    private static String text(final SessionSettings settings, final String key) {
        try {
            return settings.isSetting(key) ? settings.getString(key) : null;
        } catch (final ConfigError ex) {
            throw new IllegalArgumentException("venue settings: " + key + ": " + ex.getMessage(), ex);
        }
    }

    private static boolean flag(final SessionSettings settings, final String key, final boolean otherwise) {
        final String value = text(settings, key);
        if (value == null) {
            return otherwise;
        }
        switch (value.trim()) {
            case "Y":
                return true;
            case "N":
                return false;
            default:
                throw new IllegalArgumentException("venue settings: " + key + ": '" + value + "' must be Y or N");
        }
    }

    private static long duration(final SessionSettings settings, final String key) {
        final String value = text(settings, key);
        return value == null ? 0 : parseDuration("venue settings: " + key, value);
    }

    private static double probability(final SessionSettings settings, final String key) {
        final String value = text(settings, key);
        try {
            return value == null ? 0 : Double.parseDouble(value.trim());
        } catch (final NumberFormatException ex) {
            throw new IllegalArgumentException("venue settings: " + key + ": '" + value
                + "' must be a probability from 0 to 1", ex);
        }
    }

    private static long number(final SessionSettings settings, final String key) {
        final String value = text(settings, key);
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (final NumberFormatException ex) {
            throw new IllegalArgumentException("venue settings: " + key + ": '" + value + "' must be a whole number",
                ex);
        }
    }

    private static void requireNonNegative(final String what, final long value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, was " + value);
        }
    }

    private static void requireProbability(final String what, final double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be from 0 to 1, was " + value);
        }
    }

    /** Collects the options of a {@link VenueBehaviour}; defaults are those of {@link #DEFAULT}. */
    public static final class Builder {
        private boolean partialFills;
        private boolean fillAtLimit;
        private long ackDelayNanos;
        private long fillDelayNanos;
        private long partialGapNanos;
        private double rejectProbability;
        private boolean ackless;
        private double duplicateProbability;
        private boolean duplicatesPossDup = true;
        private boolean fillBeforeAck;
        private int disconnectEveryOrders;
        private double disconnectProbability;
        private long maxRestNanos;
        private LocalTime dayClose;
        private long seed;

        private Builder() {
        }

        public Builder partialFills(final boolean value) {
            partialFills = value;
            return this;
        }

        public Builder fillAtLimit(final boolean value) {
            fillAtLimit = value;
            return this;
        }

        public Builder ackDelayNanos(final long value) {
            ackDelayNanos = value;
            return this;
        }

        public Builder fillDelayNanos(final long value) {
            fillDelayNanos = value;
            return this;
        }

        public Builder partialGapNanos(final long value) {
            partialGapNanos = value;
            return this;
        }

        public Builder rejectProbability(final double value) {
            rejectProbability = value;
            return this;
        }

        public Builder ackless(final boolean value) {
            ackless = value;
            return this;
        }

        public Builder duplicateProbability(final double value) {
            duplicateProbability = value;
            return this;
        }

        public Builder duplicatesPossDup(final boolean value) {
            duplicatesPossDup = value;
            return this;
        }

        public Builder fillBeforeAck(final boolean value) {
            fillBeforeAck = value;
            return this;
        }

        public Builder disconnectEveryOrders(final int value) {
            disconnectEveryOrders = value;
            return this;
        }

        public Builder disconnectProbability(final double value) {
            disconnectProbability = value;
            return this;
        }

        public Builder maxRestNanos(final long value) {
            maxRestNanos = value;
            return this;
        }

        public Builder dayClose(final LocalTime value) {
            dayClose = value;
            return this;
        }

        public Builder seed(final long value) {
            seed = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the option when a value is out of range */
        public VenueBehaviour build() {
            return new VenueBehaviour(partialFills, fillAtLimit, ackDelayNanos, fillDelayNanos, partialGapNanos,
                rejectProbability, ackless, duplicateProbability, duplicatesPossDup, fillBeforeAck,
                disconnectEveryOrders, disconnectProbability, maxRestNanos, dayClose, seed);
        }
    }
}

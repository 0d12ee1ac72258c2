package io.rebalancer.benchmarks;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.RiskLimits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The naive baseline for the pre-trade risk gate: limits in a map by symbol (boxed), the order as an object of
 * strings and doubles, send times in a {@code Deque<Long>}, the day's notional in a {@code Map<LocalDate, Double>}
 * with the date worked out through {@code java.time} on every order, and a new verdict object per order. The rules
 * and their order are the engine's ({@code RiskGate}): malformed, kill switch, restricted, quantity, notional, collar,
 * rate, daily notional; only an accepted order is recorded.
 */
final class NaiveRiskGate {
    private static final long ONE_SECOND_NANOS = 1_000_000_000L;

    private final Map<String, Limits> limits = new HashMap<>();
    private final Deque<Long> sendTimes = new ArrayDeque<>();
    private final Map<LocalDate, Double> notionalByDay = new HashMap<>();
    private final int maxOrdersPerSecond;
    private final double maxNotionalPerDay;
    private final ZoneId zone;
    private final String state;
    private long latestAccepted = Long.MIN_VALUE;

    /** One symbol's limits, boxed. */
    static final class Limits {
        final Double maxQuantity;
        final Double maxNotional;
        final Double collar;
        final Boolean restricted;

        Limits(final Double maxQuantity, final Double maxNotional, final Double collar, final Boolean restricted) {
            this.maxQuantity = maxQuantity;
            this.maxNotional = maxNotional;
            this.collar = collar;
            this.restricted = restricted;
        }
    }

    /** One child order as the naive code passes it around. */
    static final class Order {
        final String symbol;
        final String side;
        final double quantity;
        final double limitPrice;
        final double referencePrice;

        Order(final String symbol, final String side, final double quantity, final double limitPrice,
            final double referencePrice) {
            this.symbol = symbol;
            this.side = side;
            this.quantity = quantity;
            this.limitPrice = limitPrice;
            this.referencePrice = referencePrice;
        }
    }

    /** A new one per order; {@code reason} is the name of the engine's matching {@code RiskVerdict}. */
    static final class Verdict {
        final boolean accepted;
        final String reason;

        Verdict(final boolean accepted, final String reason) {
            this.accepted = accepted;
            this.reason = reason;
        }
    }

    /** The engine's limits, copied into one map entry per symbol ({@code symbols[id]}). */
    NaiveRiskGate(final RiskLimits engineLimits, final String[] symbols, final ZoneId zone) {
        for (int id = 0; id < symbols.length; id++) {
            limits.put(symbols[id], new Limits((double)engineLimits.maxOrderQuantity(),
                Fixed.toDouble(engineLimits.maxOrderNotional()), Ppm.toFraction(engineLimits.priceCollarPpm()),
                engineLimits.restricted()[id]));
        }
        maxOrdersPerSecond = engineLimits.maxOrdersPerSecond();
        maxNotionalPerDay = Fixed.toDouble(engineLimits.maxNotionalPerDay());
        this.zone = zone;
        state = engineLimits.initialState().name();
    }

    Verdict check(final Order order, final long timeNanos) {
        final Limits symbolLimits = limits.get(order.symbol);
        if (symbolLimits == null || order.quantity <= 0 || order.limitPrice <= 0 || order.referencePrice <= 0
            || !("BUY".equals(order.side) || "SELL".equals(order.side))) {
            return new Verdict(false, "INVALID_ORDER");
        }
        final double notional = order.quantity * order.limitPrice;
        if ("HALTED".equals(state)) {
            return new Verdict(false, "HALTED");
        }
        if ("REDUCING".equals(state) && "BUY".equals(order.side)) {
            return new Verdict(false, "REDUCING_ONLY");
        }
        if (symbolLimits.restricted) {
            return new Verdict(false, "RESTRICTED");
        }
        if (order.quantity > symbolLimits.maxQuantity) {
            return new Verdict(false, "MAX_QUANTITY");
        }
        if (notional > symbolLimits.maxNotional) {
            return new Verdict(false, "MAX_NOTIONAL");
        }
        if (Math.abs(order.limitPrice - order.referencePrice) > order.referencePrice * symbolLimits.collar) {
            return new Verdict(false, "PRICE_COLLAR");
        }
        final long now = Math.max(timeNanos, latestAccepted);
        while (!sendTimes.isEmpty() && now - sendTimes.peekFirst() >= ONE_SECOND_NANOS) {
            sendTimes.pollFirst();
        }
        if (sendTimes.size() >= maxOrdersPerSecond) {
            return new Verdict(false, "RATE_LIMIT");
        }
        final LocalDate day = Instant.ofEpochSecond(0, now).atZone(zone).toLocalDate();
        final double used = notionalByDay.getOrDefault(day, 0.0);
        if (used + notional > maxNotionalPerDay) {
            return new Verdict(false, "DAILY_NOTIONAL");
        }
        notionalByDay.put(day, used + notional);
        sendTimes.addLast(now);
        latestAccepted = now;
        return new Verdict(true, "ACCEPTED");
    }
}

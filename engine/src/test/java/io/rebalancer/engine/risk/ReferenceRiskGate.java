package io.rebalancer.engine.risk;

import java.time.Instant;
import java.time.ZoneId;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TradingState;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A slow, obviously correct statement of the gate's rules for the differential test: exact {@link BigInteger}
 * arithmetic, every accepted send time in a list, notional summed per trading day in a map.
 */
final class ReferenceRiskGate {
    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);
    private static final BigInteger ONE_SECOND = BigInteger.valueOf(1_000_000_000L);

    private final RiskLimits limits;
    private final int instruments;
    private final ZoneId zone;
    private final List<Long> acceptedTimes = new ArrayList<>();
    private final Map<Long, BigInteger> notionalByDay = new HashMap<>();
    private TradingState state;
    private long latestAccepted = Long.MIN_VALUE;
    private long latestDay;

    ReferenceRiskGate(final RiskLimits limits, final int instruments, final ZoneId zone) {
        this.limits = limits;
        this.instruments = instruments;
        this.zone = zone;
        state = limits.initialState();
    }

    void tradingState(final TradingState newState) {
        state = newState;
    }

    long dailyNotional() {
        return notionalByDay.getOrDefault(latestDay, BigInteger.ZERO).longValueExact();
    }

    RiskVerdict check(final long time, final int id, final byte side, final long quantity, final long limit,
        final long reference) {
        if (quantity <= 0 || limit <= 0 || reference <= 0 || id < 0 || id >= instruments
            || side != Side.BUY && side != Side.SELL) {
            return RiskVerdict.INVALID_ORDER;
        }
        final BigInteger notional = big(quantity).multiply(big(limit));
        if (notional.compareTo(big(Long.MAX_VALUE)) >= 0) {
            return RiskVerdict.INVALID_ORDER;
        }
        if (state == TradingState.HALTED) {
            return RiskVerdict.HALTED;
        }
        if (state == TradingState.REDUCING && side == Side.BUY) {
            return RiskVerdict.REDUCING_ONLY;
        }
        if (limits.restricted()[id]) {
            return RiskVerdict.RESTRICTED;
        }
        if (quantity > limits.maxOrderQuantity()) {
            return RiskVerdict.MAX_QUANTITY;
        }
        if (notional.compareTo(big(limits.maxOrderNotional())) > 0) {
            return RiskVerdict.MAX_NOTIONAL;
        }
        final BigInteger distance = big(limit).subtract(big(reference)).abs();
        if (distance.multiply(MILLION).compareTo(big(limits.priceCollarPpm()).multiply(big(reference))) > 0) {
            return RiskVerdict.PRICE_COLLAR;
        }
        final long now = Math.max(time, latestAccepted);
        int inLastSecond = 0;
        for (final long sent : acceptedTimes) {
            if (big(now).subtract(big(sent)).compareTo(ONE_SECOND) < 0) {
                inLastSecond++;
            }
        }
        if (inLastSecond >= limits.maxOrdersPerSecond()) {
            return RiskVerdict.RATE_LIMIT;
        }
        final long day = Instant.ofEpochSecond(Math.floorDiv(now, 1_000_000_000L)).atZone(zone).toLocalDate()
            .toEpochDay();
        final BigInteger today = notionalByDay.getOrDefault(day, BigInteger.ZERO).add(notional);
        if (today.compareTo(big(limits.maxNotionalPerDay())) > 0) {
            return RiskVerdict.DAILY_NOTIONAL;
        }
        acceptedTimes.add(now);
        acceptedTimes.removeIf(sent -> big(now).subtract(big(sent)).compareTo(ONE_SECOND) >= 0);
        notionalByDay.put(day, today);
        latestAccepted = now;
        latestDay = day;
        return RiskVerdict.ACCEPTED;
    }

    private static BigInteger big(final long value) {
        return BigInteger.valueOf(value);
    }
}

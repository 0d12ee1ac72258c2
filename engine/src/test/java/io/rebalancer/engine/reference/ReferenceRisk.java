package io.rebalancer.engine.reference;

import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.risk.RiskVerdict;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-trade checks as the risk rules state them, in their documented order, with every accepted send time
 * kept in a list and the accepted notional summed per local date of the engine's zone in a map.
 * <p>
 * An order is judged at the later of its time and the latest accepted order's time, so time stepping back can
 * neither free rate budget nor reopen a day. The one reference of the risk rules: the engine-wide differential test
 * and the risk gate's own differential test both compare against it.
 */
public final class ReferenceRisk {
    private static final long ONE_SECOND = 1_000_000_000L;
    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);

    private final RiskLimits limits;
    private final int instruments;
    private final ZoneId zone;
    private final List<Long> acceptedTimes = new ArrayList<>();
    private final Map<LocalDate, BigInteger> notionalByDate = new HashMap<>();
    private TradingState state;
    private LocalDate latestDate;

    public ReferenceRisk(final RiskLimits limits, final int instruments, final ZoneId zone) {
        this.limits = limits;
        this.instruments = instruments;
        this.zone = zone;
        state = limits.initialState();
    }

    TradingState state() {
        return state;
    }

    public void state(final TradingState newState) {
        state = newState;
    }

    /** Notional accepted on the trading day of the latest accepted order; 0 before any. */
    public long dailyNotional() {
        return latestDate == null ? 0 : notionalByDate.get(latestDate).longValueExact();
    }

    public RiskVerdict check(final long time, final int instrument, final byte side, final long quantity,
        final long limit, final long reference) {
        final BigInteger notional = big(quantity).multiply(big(limit));
        if (quantity <= 0 || limit <= 0 || reference <= 0 || instrument < 0 || instrument >= instruments
            || (side != Side.BUY && side != Side.SELL) || notional.compareTo(big(Long.MAX_VALUE)) >= 0) {
            return RiskVerdict.INVALID_ORDER;
        }
        if (state == TradingState.HALTED) {
            return RiskVerdict.HALTED;
        }
        if (state == TradingState.REDUCING && side == Side.BUY) {
            return RiskVerdict.REDUCING_ONLY;
        }
        if (limits.restricted()[instrument]) {
            return RiskVerdict.RESTRICTED;
        }
        if (quantity > limits.maxOrderQuantity()) {
            return RiskVerdict.MAX_QUANTITY;
        }
        if (notional.compareTo(big(limits.maxOrderNotional())) > 0) {
            return RiskVerdict.MAX_NOTIONAL;
        }
        final BigInteger distance = big(limit).subtract(big(reference)).abs();
        if (distance.multiply(MILLION).compareTo(big(reference).multiply(big(limits.priceCollarPpm()))) > 0) {
            return RiskVerdict.PRICE_COLLAR;
        }
        final long at = acceptedTimes.isEmpty() ? time : Math.max(time, acceptedTimes.get(acceptedTimes.size() - 1));
        long inTheLastSecond = 0;
        for (final long sent : acceptedTimes) {
            if (at - sent < ONE_SECOND) {
                inTheLastSecond++;
            }
        }
        if (inTheLastSecond >= limits.maxOrdersPerSecond()) {
            return RiskVerdict.RATE_LIMIT;
        }
        final LocalDate date = LocalDate.ofInstant(Instant.ofEpochSecond(Math.floorDiv(at, ONE_SECOND),
            Math.floorMod(at, ONE_SECOND)), zone);
        final BigInteger usedToday = notionalByDate.getOrDefault(date, BigInteger.ZERO);
        if (usedToday.add(notional).compareTo(big(limits.maxNotionalPerDay())) > 0) {
            return RiskVerdict.DAILY_NOTIONAL;
        }
        acceptedTimes.add(at);
        acceptedTimes.removeIf(sent -> at - sent >= ONE_SECOND);
        notionalByDate.put(date, usedToday.add(notional));
        latestDate = date;
        return RiskVerdict.ACCEPTED;
    }

    private static BigInteger big(final long value) {
        return BigInteger.valueOf(value);
    }
}

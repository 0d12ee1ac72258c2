package io.rebalancer.engine.risk;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.time.ZoneOffsetTable;

import java.time.ZoneOffset;

/** Shared limits and prices for the risk gate tests, chosen so every boundary is a round number. */
final class RiskFixtures {
    static final int INSTRUMENTS = 3;
    static final int TRADABLE = 0;
    static final int RESTRICTED = 1;
    /** The highest valid id, tradable, so that the id boundary can be tested on an accepted order. */
    static final int LAST = INSTRUMENTS - 1;
    /** 100.00 in micros. */
    static final long PRICE = 100 * Fixed.SCALE;
    static final long MAX_QUANTITY = 1_000;
    /** Twice what the largest order at {@link #PRICE} needs, so quantity binds before notional by default. */
    static final long MAX_NOTIONAL = 200_000 * Fixed.SCALE;
    /** 1%: a limit of 99.00 to 101.00 around {@link #PRICE}. */
    static final int COLLAR_PPM = 10_000;
    static final long COLLAR_AT_PRICE = 1_000_000;
    static final int MAX_PER_SECOND = 3;
    /** Two and a half of the largest orders at {@link #PRICE}. */
    static final long MAX_DAILY = 250_000 * Fixed.SCALE;
    static final long SECOND = 1_000_000_000L;
    static final long DAY = 86_400 * SECOND;
    /** 10:00 UTC on day 20,000 after the epoch. */
    static final long T0 = 20_000 * DAY + 10 * 3_600 * SECOND;
    /** Trading days are UTC dates unless a test says otherwise. */
    static final ZoneOffsetTable UTC = ZoneOffsetTable.of(ZoneOffset.UTC);

    private RiskFixtures() {
    }

    static Builder limits() {
        return new Builder();
    }

    static RiskGate gate() {
        return new RiskGate(limits().build(), INSTRUMENTS, UTC);
    }

    /** Defaults as above; each test overrides only the limit it is about. */
    static final class Builder {
        private long maxQuantity = MAX_QUANTITY;
        private long maxNotional = MAX_NOTIONAL;
        private int collarPpm = COLLAR_PPM;
        private int maxPerSecond = MAX_PER_SECOND;
        private long maxDaily = MAX_DAILY;
        private TradingState initialState = TradingState.ACTIVE;

        Builder maxQuantity(final long value) {
            maxQuantity = value;
            return this;
        }

        Builder maxNotional(final long value) {
            maxNotional = value;
            return this;
        }

        Builder collarPpm(final int value) {
            collarPpm = value;
            return this;
        }

        Builder maxPerSecond(final int value) {
            maxPerSecond = value;
            return this;
        }

        Builder maxDaily(final long value) {
            maxDaily = value;
            return this;
        }

        Builder initialState(final TradingState value) {
            initialState = value;
            return this;
        }

        RiskLimits build() {
            final boolean[] restricted = new boolean[INSTRUMENTS];
            restricted[RESTRICTED] = true;
            return new RiskLimits(maxQuantity, maxNotional, collarPpm, maxPerSecond, maxDaily, restricted,
                initialState);
        }

        RiskGate gate() {
            return new RiskGate(build(), INSTRUMENTS, UTC);
        }

        RiskGate gate(final ZoneOffsetTable zone) {
            return new RiskGate(build(), INSTRUMENTS, zone);
        }
    }
}

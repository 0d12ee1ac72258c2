package io.rebalancer.engine.risk;

import static io.rebalancer.engine.risk.RiskFixtures.COLLAR_AT_PRICE;
import static io.rebalancer.engine.risk.RiskFixtures.DAY;
import static io.rebalancer.engine.risk.RiskFixtures.INSTRUMENTS;
import static io.rebalancer.engine.risk.RiskFixtures.LAST;
import static io.rebalancer.engine.risk.RiskFixtures.MAX_QUANTITY;
import static io.rebalancer.engine.risk.RiskFixtures.PRICE;
import static io.rebalancer.engine.risk.RiskFixtures.RESTRICTED;
import static io.rebalancer.engine.risk.RiskFixtures.T0;
import static io.rebalancer.engine.risk.RiskFixtures.TRADABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TradingState;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

/** The stateless rules: malformed input, the kill switch, restricted instruments, order size and the collar. */
final class RiskGateTest {
    private final RiskGate gate = RiskFixtures.gate();

    @Test
    void shouldAcceptAWellFormedOrderWithinEveryLimit() {
        assertEquals(RiskVerdict.ACCEPTED, buy(TRADABLE, 10, PRICE));
        assertEquals(RiskVerdict.ACCEPTED, sell(TRADABLE, 10, PRICE));
    }

    @Test
    void shouldRejectNonPositiveQuantityAsInvalid() {
        assertEquals(RiskVerdict.INVALID_ORDER, buy(TRADABLE, 0, PRICE));
        assertEquals(RiskVerdict.INVALID_ORDER, buy(TRADABLE, -1, PRICE));
        assertEquals(RiskVerdict.INVALID_ORDER, sell(TRADABLE, Long.MIN_VALUE, PRICE));
        assertEquals(RiskVerdict.ACCEPTED, buy(TRADABLE, 1, PRICE));
    }

    @Test
    void shouldRejectNonPositiveLimitPriceAsInvalid() {
        assertEquals(RiskVerdict.INVALID_ORDER, gate.check(T0, TRADABLE, Side.BUY, 1, 0, 1));
        assertEquals(RiskVerdict.INVALID_ORDER, gate.check(T0, TRADABLE, Side.BUY, 1, -1, 1));
        assertEquals(RiskVerdict.INVALID_ORDER, gate.check(T0, TRADABLE, Side.BUY, 1, Fixed.INVALID, 1));
        assertEquals(RiskVerdict.ACCEPTED, gate.check(T0, TRADABLE, Side.BUY, 1, 1, 1));
    }

    @Test
    void shouldRejectNonPositiveReferencePriceAsInvalid() {
        assertEquals(RiskVerdict.INVALID_ORDER, gate.check(T0, TRADABLE, Side.SELL, 1, 1, 0));
        assertEquals(RiskVerdict.INVALID_ORDER, gate.check(T0, TRADABLE, Side.SELL, 1, 1, -1));
        assertEquals(RiskVerdict.INVALID_ORDER, gate.check(T0, TRADABLE, Side.SELL, 1, 1, Fixed.INVALID));
    }

    @Test
    void shouldRejectUnknownInstrumentIdAsInvalid() {
        assertEquals(RiskVerdict.INVALID_ORDER, buy(-1, 1, PRICE));
        assertEquals(RiskVerdict.INVALID_ORDER, buy(INSTRUMENTS, 1, PRICE));
        assertEquals(RiskVerdict.INVALID_ORDER, buy(Integer.MIN_VALUE, 1, PRICE));
        assertEquals(RiskVerdict.INVALID_ORDER, buy(Integer.MAX_VALUE, 1, PRICE));
    }

    @Test
    void shouldAcceptTheHighestValidInstrumentId() {
        assertEquals(RiskVerdict.ACCEPTED, buy(LAST, 1, PRICE));
    }

    @Test
    void shouldRejectSideOtherThanBuyOrSellAsInvalid() {
        final byte[] sides = {0, 'B', 'S', '0', '3', '5', -1, Byte.MAX_VALUE, Byte.MIN_VALUE};
        for (final byte side : sides) {
            assertEquals(RiskVerdict.INVALID_ORDER, gate.check(T0, TRADABLE, side, 1, PRICE, PRICE), "side " + side);
        }
    }

    @Test
    void shouldRejectNotionalThatOverflowsAsInvalid() {
        final long largestFitting = Long.MAX_VALUE / PRICE;
        assertEquals(RiskVerdict.INVALID_ORDER, buy(TRADABLE, largestFitting + 1, PRICE));
        assertEquals(RiskVerdict.INVALID_ORDER, buy(TRADABLE, Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals(RiskVerdict.MAX_QUANTITY, buy(TRADABLE, largestFitting, PRICE), "fits, so only too large");
    }

    @Test
    void shouldStartInTheInitialStateOfTheLimits() {
        final RiskGate reducing = RiskFixtures.limits().initialState(TradingState.REDUCING).gate();
        assertEquals(TradingState.REDUCING, reducing.tradingState());
        assertEquals(RiskVerdict.REDUCING_ONLY, reducing.check(T0, TRADABLE, Side.BUY, 1, PRICE, PRICE));
        assertEquals(TradingState.ACTIVE, gate.tradingState());
    }

    @Test
    void shouldRejectBuysAndSellsWhileHalted() {
        gate.tradingState(TradingState.HALTED);
        assertEquals(TradingState.HALTED, gate.tradingState());
        assertEquals(RiskVerdict.HALTED, buy(TRADABLE, 1, PRICE));
        assertEquals(RiskVerdict.HALTED, sell(TRADABLE, 1, PRICE));
    }

    @Test
    void shouldRejectBuyWhileReducing() {
        gate.tradingState(TradingState.REDUCING);
        assertEquals(RiskVerdict.REDUCING_ONLY, buy(TRADABLE, 1, PRICE));
    }

    @Test
    void shouldAcceptSellWhileReducing() {
        gate.tradingState(TradingState.REDUCING);
        assertEquals(RiskVerdict.ACCEPTED, sell(TRADABLE, 1, PRICE));
    }

    @Test
    void shouldAcceptBuysAgainOnceTheKillSwitchReturnsToActive() {
        gate.tradingState(TradingState.HALTED);
        assertEquals(RiskVerdict.HALTED, buy(TRADABLE, 1, PRICE));
        gate.tradingState(TradingState.ACTIVE);
        assertEquals(RiskVerdict.ACCEPTED, buy(TRADABLE, 1, PRICE));
    }

    @Test
    void shouldFailClosedWhenTradingStateIsSetToNull() {
        gate.tradingState(null);
        assertEquals(TradingState.HALTED, gate.tradingState());
        assertEquals(RiskVerdict.HALTED, sell(TRADABLE, 1, PRICE));
    }

    @Test
    void shouldRejectBothSidesOfARestrictedInstrument() {
        assertEquals(RiskVerdict.RESTRICTED, buy(RESTRICTED, 1, PRICE));
        assertEquals(RiskVerdict.RESTRICTED, sell(RESTRICTED, 1, PRICE));
    }

    @Test
    void shouldIgnoreChangesToTheRestrictedFlagsAfterConstruction() {
        final RiskLimits limits = RiskFixtures.limits().build();
        final RiskGate copied = new RiskGate(limits, INSTRUMENTS, RiskFixtures.UTC);
        limits.restricted()[TRADABLE] = true;
        limits.restricted()[RESTRICTED] = false;
        assertEquals(RiskVerdict.ACCEPTED, copied.check(T0, TRADABLE, Side.BUY, 1, PRICE, PRICE));
        assertEquals(RiskVerdict.RESTRICTED, copied.check(T0, RESTRICTED, Side.BUY, 1, PRICE, PRICE));
    }

    @Test
    void shouldAcceptQuantityExactlyAtTheMaximum() {
        assertEquals(RiskVerdict.ACCEPTED, buy(TRADABLE, MAX_QUANTITY, PRICE));
    }

    @Test
    void shouldRejectQuantityOneAboveTheMaximum() {
        assertEquals(RiskVerdict.MAX_QUANTITY, buy(TRADABLE, MAX_QUANTITY + 1, PRICE));
        assertEquals(RiskVerdict.MAX_QUANTITY, sell(TRADABLE, MAX_QUANTITY + 1, PRICE));
    }

    @Test
    void shouldAcceptNotionalExactlyAtTheMaximum() {
        final RiskGate small = RiskFixtures.limits().maxNotional(PRICE).gate();
        assertEquals(RiskVerdict.ACCEPTED, small.check(T0, TRADABLE, Side.BUY, 1, PRICE, PRICE));
    }

    @Test
    void shouldRejectNotionalOneMicroAboveTheMaximum() {
        final RiskGate small = RiskFixtures.limits().maxNotional(PRICE).gate();
        assertEquals(RiskVerdict.MAX_NOTIONAL, small.check(T0, TRADABLE, Side.BUY, 1, PRICE + 1, PRICE));
    }

    @Test
    void shouldMeasureNotionalAtTheLimitPriceNotTheReference() {
        final RiskGate small = RiskFixtures.limits().maxNotional(10 * PRICE).gate();
        assertEquals(RiskVerdict.ACCEPTED, small.check(T0, TRADABLE, Side.SELL, 10, PRICE, PRICE + 1));
        assertEquals(RiskVerdict.MAX_NOTIONAL, small.check(T0, TRADABLE, Side.BUY, 10, PRICE + 1, PRICE));
    }

    @Test
    void shouldAcceptLimitExactlyAtTheUpperCollar() {
        assertEquals(RiskVerdict.ACCEPTED, buy(TRADABLE, 1, PRICE + COLLAR_AT_PRICE));
    }

    @Test
    void shouldRejectLimitOneMicroAboveTheUpperCollar() {
        assertEquals(RiskVerdict.PRICE_COLLAR, buy(TRADABLE, 1, PRICE + COLLAR_AT_PRICE + 1));
    }

    @Test
    void shouldAcceptLimitExactlyAtTheLowerCollar() {
        assertEquals(RiskVerdict.ACCEPTED, sell(TRADABLE, 1, PRICE - COLLAR_AT_PRICE));
    }

    @Test
    void shouldRejectLimitOneMicroBelowTheLowerCollar() {
        assertEquals(RiskVerdict.PRICE_COLLAR, sell(TRADABLE, 1, PRICE - COLLAR_AT_PRICE - 1));
    }

    @Test
    void shouldRoundTheCollarDownWhenItIsNotAWholeNumberOfMicros() {
        final long reference = PRICE + 50;
        assertEquals(RiskVerdict.ACCEPTED, gate.check(T0, TRADABLE, Side.BUY, 1, reference + 1_000_000, reference));
        assertEquals(RiskVerdict.PRICE_COLLAR,
            gate.check(T0, TRADABLE, Side.BUY, 1, reference + 1_000_001, reference), "1% of 100.00005 is 1.0000005");
    }

    @Test
    void shouldApplyTheCollarToAHugeReferencePriceWithoutOverflow() {
        final RiskGate wide = RiskFixtures.limits().maxNotional(Long.MAX_VALUE - 1).maxDaily(Long.MAX_VALUE).gate();
        final long reference = 9_000_000_000_000_000_000L;
        final long collar = 90_000_000_000_000_000L;
        assertEquals(RiskVerdict.ACCEPTED, wide.check(T0, TRADABLE, Side.SELL, 1, reference - collar, reference));
        assertEquals(RiskVerdict.PRICE_COLLAR,
            wide.check(T0, TRADABLE, Side.SELL, 1, reference - collar - 1, reference));
        assertEquals(RiskVerdict.ACCEPTED,
            wide.check(T0 + DAY, TRADABLE, Side.SELL, 1, reference + collar, reference));
        assertEquals(RiskVerdict.PRICE_COLLAR,
            wide.check(T0 + DAY, TRADABLE, Side.SELL, 1, reference + collar + 1, reference));
    }

    @Test
    void shouldApplyACollarWiderThanOneHundredPercent() {
        final RiskGate wide = RiskFixtures.limits().collarPpm(2_000_000).maxNotional(Long.MAX_VALUE - 1)
            .maxDaily(Long.MAX_VALUE).gate();
        assertEquals(RiskVerdict.ACCEPTED, wide.check(T0, TRADABLE, Side.BUY, 1, 3 * PRICE, PRICE));
        assertEquals(RiskVerdict.PRICE_COLLAR, wide.check(T0, TRADABLE, Side.BUY, 1, 3 * PRICE + 1, PRICE));
    }

    @Test
    void shouldApplyTheWidestCollarWithoutOverflow() {
        final RiskGate widest = RiskFixtures.limits().collarPpm(Integer.MAX_VALUE).maxNotional(Long.MAX_VALUE - 1)
            .maxDaily(Long.MAX_VALUE).gate();
        final long one = Fixed.SCALE;
        assertEquals(RiskVerdict.ACCEPTED, widest.check(T0, TRADABLE, Side.BUY, 1, one + Integer.MAX_VALUE, one));
        assertEquals(RiskVerdict.PRICE_COLLAR,
            widest.check(T0, TRADABLE, Side.BUY, 1, one + Integer.MAX_VALUE + 1L, one));
        assertEquals(RiskVerdict.ACCEPTED, widest.check(T0 + DAY, TRADABLE, Side.SELL, 1, 1, Long.MAX_VALUE),
            "over 2,147 times a huge reference does not fit in a long: the collar saturates and lets all through");
    }

    @Test
    void shouldComputeTheAllowedCollarDistanceExactly() {
        final long[] references = {1, 999_999, 1_000_000, PRICE + 50, Long.MAX_VALUE / 3, Long.MAX_VALUE};
        final int[] collars = {1, 9_999, 10_000, Ppm.ONE, Ppm.ONE + 1, 2_000_000, Integer.MAX_VALUE};
        final BigInteger cap = BigInteger.valueOf(Long.MAX_VALUE);
        for (final long reference : references) {
            for (final int ppm : collars) {
                final BigInteger exact = BigInteger.valueOf(reference).multiply(BigInteger.valueOf(ppm))
                    .divide(BigInteger.valueOf(Ppm.ONE)).min(cap);
                assertEquals(exact.longValueExact(), RiskGate.allowedDistance(reference, ppm),
                    reference + " at " + ppm + " ppm");
            }
        }
    }

    @Test
    void shouldRefuseRestrictedFlagsThatDoNotCoverEveryInstrument() {
        final RiskLimits limits = RiskFixtures.limits().build();
        assertThrows(IllegalArgumentException.class,
            () -> new RiskGate(limits, INSTRUMENTS - 1, RiskFixtures.UTC));
        assertThrows(IllegalArgumentException.class,
            () -> new RiskGate(limits, INSTRUMENTS + 1, RiskFixtures.UTC));
        assertThrows(IllegalArgumentException.class, () -> new RiskGate(limits, -1, RiskFixtures.UTC));
    }

    @Test
    void shouldRefuseMissingLimitsOrClock() {
        final RiskLimits limits = RiskFixtures.limits().build();
        assertThrows(NullPointerException.class, () -> new RiskGate(null, INSTRUMENTS, RiskFixtures.UTC));
        assertThrows(NullPointerException.class, () -> new RiskGate(limits, INSTRUMENTS, null));
    }

    private RiskVerdict buy(final int instrumentId, final long quantity, final long limitPrice) {
        return gate.check(T0, instrumentId, Side.BUY, quantity, limitPrice, PRICE);
    }

    private RiskVerdict sell(final int instrumentId, final long quantity, final long limitPrice) {
        return gate.check(T0, instrumentId, Side.SELL, quantity, limitPrice, PRICE);
    }
}

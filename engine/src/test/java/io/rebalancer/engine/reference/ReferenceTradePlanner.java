package io.rebalancer.engine.reference;

import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Side;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The planner as its rules read, in unbounded integers (micros, units, ppm):
 * <ul>
 *     <li>total T = effective cash + effective holdings at their marks; buffer B = T x buffer, rounded down;
 *     investable V = T - B; the target value of a slot is V x target, rounded down;</li>
 *     <li>desired value per slot: to-target: the target; halfway: (value + target) / 2, rounded down; to-band-edge:
 *     a slot outside its re-arm edge (band x (1 - h), rounded down, around the target) goes to that edge, others
 *     stay; if none is outside and there is a portfolio band, every slot moves toward its target by the same
 *     fraction so the drift (rounded up) ends at the portfolio band's re-arm edge;</li>
 *     <li>sells, in slot order: down to the desired value at the bid, whole lots, at most what is settled and not
 *     already being sold; a slot whose desired value is zero sells all of that, odd lot included; limit: the bid
 *     less the collar, rounded up to the tick, never above the bid rounded down to the tick;</li>
 *     <li>buys, largest shortfall first (ties: lower slot), planned after the accepted sells were booked: up to the
 *     desired value at the limit (the ask plus the collar, rounded down to the tick, never below the ask rounded
 *     up to the tick), whole lots, and only with the cash left above the buffer;</li>
 *     <li>no sell of a slot with a buy working, no buy of a slot with a sell working (no wash trades);</li>
 *     <li>an order whose notional (sells: at the bid; buys: at the limit) is under the minimum is skipped;</li>
 *     <li>a slot valued below zero (a short left by an overfilled sell) is planned like any underweight slot, so
 *     it is bought back; nothing is planned while a slot with units has no price yet, or nothing is investable;</li>
 *     <li>to-band-edge with a portfolio band: after the slots outside their edges go to their edges, every slot's
 *     distance from target shrinks by one kept fraction until the total drift is at the band's re-arm edge.</li>
 * </ul>
 */
final class ReferenceTradePlanner {
    private static final BigInteger MILLION = Valuation.MILLION;

    /** One planned child order; the reference price is the mark the risk collar is centred on. */
    record Planned(int instrument, byte side, long quantity, long limitPrice, long referencePrice) {
    }

    private final EngineConfig config;

    ReferenceTradePlanner(final EngineConfig config) {
        this.config = config;
    }

    List<Planned> sells(final Valuation valuation) {
        final List<Planned> sells = new ArrayList<>();
        final List<BigInteger> desired = desiredValues(valuation);
        if (desired == null) {
            return sells;
        }
        final BigInteger minimum = big(valuation.portfolio().spec().minTradeNotional());
        for (int slot = 0; slot < valuation.lines().size(); slot++) {
            final Valuation.Line line = valuation.lines().get(slot);
            final BigInteger excess = line.value().subtract(desired.get(slot));
            final Quote quote = line.quote();
            if (excess.signum() <= 0 || line.openBuys() > 0 || quote == null || quote.mark() <= 0) {
                continue;
            }
            final Instrument instrument = config.universe().get(line.instrument());
            final long touch = quote.sellTouch();
            final long limit = sellLimit(touch, instrument.tickSize());
            if (touch <= 0 || limit <= 0 || line.sellable() <= 0) {
                continue;
            }
            final BigInteger lot = big(instrument.lotSize());
            final BigInteger quantity = desired.get(slot).signum() == 0 ? big(line.sellable())
                : excess.divide(big(touch).multiply(lot)).min(big(line.sellable()).divide(lot)).multiply(lot);
            if (quantity.signum() > 0 && quantity.multiply(big(touch)).compareTo(minimum) >= 0) {
                sells.add(new Planned(line.instrument(), Side.SELL, quantity.longValueExact(), limit, quote.mark()));
            }
        }
        return sells;
    }

    List<Planned> buys(final Valuation valuation) {
        final List<Planned> buys = new ArrayList<>();
        final List<BigInteger> desired = desiredValues(valuation);
        if (desired == null) {
            return buys;
        }
        BigInteger spare = valuation.effectiveCash().subtract(valuation.buffer());
        final List<Integer> candidates = new ArrayList<>();
        for (int slot = 0; slot < valuation.lines().size(); slot++) {
            final Valuation.Line line = valuation.lines().get(slot);
            final boolean underweight = desired.get(slot).compareTo(line.value()) > 0;
            if (underweight && line.openSells() == 0 && line.quote() != null && line.quote().mark() > 0
                && buyLimit(line) > 0) {
                candidates.add(slot);
            }
        }
        final Comparator<Integer> largestShortfallFirst = Comparator.comparing(
            (Integer slot) -> desired.get(slot).subtract(valuation.lines().get(slot).value())).reversed();
        candidates.sort(largestShortfallFirst.thenComparing(slot -> slot));
        final BigInteger minimum = big(valuation.portfolio().spec().minTradeNotional());
        for (final int slot : candidates) {
            final Valuation.Line line = valuation.lines().get(slot);
            final long limit = buyLimit(line);
            final BigInteger lotValue = big(limit).multiply(big(config.universe().get(line.instrument()).lotSize()));
            final BigInteger shortfall = desired.get(slot).subtract(line.value());
            final BigInteger lots = spare.signum() <= 0 ? BigInteger.ZERO
                : shortfall.divide(lotValue).min(spare.divide(lotValue));
            final BigInteger notional = lots.multiply(lotValue);
            if (lots.signum() > 0 && notional.compareTo(minimum) >= 0) {
                final long quantity = lots.multiply(big(config.universe().get(line.instrument()).lotSize()))
                    .longValueExact();
                buys.add(new Planned(line.instrument(), Side.BUY, quantity, limit, line.quote().mark()));
                spare = spare.subtract(notional);
            }
        }
        return buys;
    }

    /** The value each slot should hold after the rebalance, or null when the portfolio cannot be planned. */
    static List<BigInteger> desiredValues(final Valuation valuation) {
        for (final Valuation.Line line : valuation.lines()) {
            if (line.quantity().signum() != 0 && line.mark().signum() <= 0) {
                return null;
            }
        }
        if (valuation.total().signum() <= 0 || valuation.investable().signum() <= 0) {
            return null;
        }
        final PortfolioSpec spec = valuation.portfolio().spec();
        final BigInteger investable = valuation.investable();
        final List<BigInteger> desired = new ArrayList<>();
        for (final Valuation.Line line : valuation.lines()) {
            final BigInteger target = Valuation.ppmOf(investable, line.targetPpm());
            final BigInteger value = line.value();
            switch (spec.plannerMode()) {
                case HALFWAY -> desired.add(value.add(target).divide(BigInteger.TWO));
                case TO_BAND_EDGE -> {
                    final long edge = (long)Math.max(0, line.bandPpm()) * (1_000_000 - spec.hysteresisPpm())
                        / 1_000_000;
                    final BigInteger upper = Valuation.ppmOf(investable, Math.min(1_000_000, line.targetPpm() + edge));
                    final BigInteger lower = Valuation.ppmOf(investable, Math.max(0, line.targetPpm() - edge));
                    desired.add(value.max(lower).min(upper));
                }
                default -> desired.add(target);
            }
        }
        return switch (spec.plannerMode()) {
            case TO_BAND_EDGE -> spec.portfolioBandPpm() > 0 ? shrunkDrift(valuation, desired) : desired;
            default -> desired;
        };
    }

    /**
     * Every slot moved toward its target by the same kept fraction, so the portfolio drift (in ppm, rounded up)
     * ends at the portfolio band's re-arm edge: keep = edge / drift rounded down, each slot keeping that fraction of
     * its distance from target rounded toward the target. No move when the drift is already within the edge.
     */
    private static List<BigInteger> shrunkDrift(final Valuation valuation, final List<BigInteger> afterEdges) {
        final PortfolioSpec spec = valuation.portfolio().spec();
        final BigInteger investable = valuation.investable();
        final List<BigInteger> targets = new ArrayList<>();
        BigInteger planned = BigInteger.ZERO;
        BigInteger deviation = BigInteger.ZERO;
        for (int slot = 0; slot < valuation.lines().size(); slot++) {
            final BigInteger target = Valuation.ppmOf(investable, valuation.lines().get(slot).targetPpm());
            targets.add(target);
            planned = planned.add(afterEdges.get(slot));
            deviation = deviation.add(afterEdges.get(slot).subtract(target).abs());
        }
        deviation = deviation.add(investable.subtract(planned).abs());
        final BigInteger driftPpm = ceilDiv(deviation.multiply(MILLION), investable.multiply(BigInteger.TWO));
        final BigInteger edgePpm = big((long)spec.portfolioBandPpm() * (1_000_000 - spec.hysteresisPpm()) / 1_000_000);
        if (driftPpm.compareTo(edgePpm) <= 0) {
            return afterEdges;
        }
        final BigInteger keepPpm = edgePpm.multiply(MILLION).divide(driftPpm);
        final List<BigInteger> desired = new ArrayList<>();
        for (int slot = 0; slot < afterEdges.size(); slot++) {
            final BigInteger away = afterEdges.get(slot).subtract(targets.get(slot));
            final BigInteger kept = away.abs().multiply(keepPpm).divide(MILLION);
            desired.add(away.signum() >= 0 ? targets.get(slot).add(kept) : targets.get(slot).subtract(kept));
        }
        return desired;
    }

    private long buyLimit(final Valuation.Line line) {
        final long ask = line.quote().buyTouch();
        final long tick = config.universe().get(line.instrument()).tickSize();
        if (ask <= 0) {
            return 0;
        }
        final BigInteger collar = big(config.settings().limitCollarPpm());
        final BigInteger through = big(ask).multiply(MILLION.add(collar)).divide(MILLION.multiply(big(tick)));
        final BigInteger atLeast = ceilDiv(big(ask), big(tick));
        return through.max(atLeast).multiply(big(tick)).longValueExact();
    }

    private long sellLimit(final long bid, final long tick) {
        if (bid <= 0) {
            return 0;
        }
        final BigInteger collar = big(config.settings().limitCollarPpm());
        final BigInteger through = ceilDiv(big(bid).multiply(MILLION.subtract(collar)), MILLION.multiply(big(tick)));
        final BigInteger atMost = big(bid).divide(big(tick));
        return through.min(atMost).multiply(big(tick)).longValueExact();
    }

    /** {@code a / b} rounded up, for {@code a >= 0} and {@code b > 0}. */
    private static BigInteger ceilDiv(final BigInteger a, final BigInteger b) {
        return a.add(b).subtract(BigInteger.ONE).divide(b);
    }

    private static BigInteger big(final long value) {
        return BigInteger.valueOf(value);
    }
}

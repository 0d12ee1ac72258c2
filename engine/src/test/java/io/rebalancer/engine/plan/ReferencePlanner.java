package io.rebalancer.engine.plan;

import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.plan.PlanFixture.Order;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.engine.state.PriceBoard;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The planner written the slow, obvious way for differential tests: unbounded integers, lists and a comparator,
 * each formula exactly as the specification states it, with no overflow guards because nothing can overflow.
 */
final class ReferencePlanner {
    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);
    private static final BigInteger TWO = BigInteger.TWO;

    private final InstrumentUniverse universe;
    private final BigInteger collar;

    ReferencePlanner(final InstrumentUniverse universe, final int collarPpm) {
        this.universe = universe;
        this.collar = BigInteger.valueOf(collarPpm);
    }

    List<Order> sells(final Portfolio p, final PriceBoard prices) {
        final List<Order> orders = new ArrayList<>();
        final BigInteger[] desired = desired(p);
        if (desired == null) {
            return orders;
        }
        final BigInteger min = big(p.spec().minTradeNotional());
        for (int k = 0; k < p.assets(); k++) {
            final BigInteger excess = big(p.marketValue(k)).subtract(desired[k]);
            final int id = p.instrumentId(k);
            if (excess.signum() <= 0 || p.openBuyQuantity(k) > 0 || !prices.hasPrice(id) || prices.mark(id) <= 0
                || prices.sellTouch(id) <= 0) {
                continue;
            }
            final Instrument instrument = universe.get(id);
            final BigInteger touch = big(prices.sellTouch(id));
            final BigInteger tick = big(instrument.tickSize());
            final BigInteger lot = big(instrument.lotSize());
            final BigInteger through = touch.subtract(touch.multiply(collar).divide(MILLION));
            final BigInteger limit = ceil(through, tick).multiply(tick).min(touch.divide(tick).multiply(tick));
            final BigInteger sellable = big(p.sellableQuantity(k));
            if (limit.signum() <= 0 || sellable.signum() <= 0) {
                continue;
            }
            final BigInteger quantity = desired[k].signum() == 0 ? sellable
                : excess.divide(touch).divide(lot).multiply(lot).min(sellable.divide(lot).multiply(lot));
            if (quantity.signum() > 0 && quantity.multiply(touch).compareTo(min) >= 0) {
                orders.add(new Order(k, Side.SELL, quantity.longValueExact(), limit.longValueExact(), prices.mark(id)));
            }
        }
        return orders;
    }

    List<Order> buys(final Portfolio p, final PriceBoard prices) {
        final List<Order> orders = new ArrayList<>();
        final BigInteger[] desired = desired(p);
        if (desired == null) {
            return orders;
        }
        BigInteger cash = big(p.effectiveCash()).subtract(buffer(p));
        final List<Integer> slots = new ArrayList<>();
        final BigInteger[] limits = new BigInteger[p.assets()];
        final BigInteger[] deltas = new BigInteger[p.assets()];
        for (int k = 0; k < p.assets(); k++) {
            deltas[k] = desired[k].subtract(big(p.marketValue(k)));
            final int id = p.instrumentId(k);
            if (deltas[k].signum() > 0 && p.openSellQuantity(k) == 0 && prices.hasPrice(id) && prices.mark(id) > 0
                && prices.buyTouch(id) > 0) {
                final BigInteger ask = big(prices.buyTouch(id));
                final BigInteger tick = big(universe.get(id).tickSize());
                final BigInteger through = ask.add(ask.multiply(collar).divide(MILLION)).divide(tick).multiply(tick);
                limits[k] = through.max(ceil(ask, tick).multiply(tick));
                slots.add(k);
            }
        }
        slots.sort(Comparator.comparing((Integer k) -> deltas[k]).reversed().thenComparing(k -> k));
        final BigInteger min = big(p.spec().minTradeNotional());
        for (final int k : slots) {
            final BigInteger lot = big(universe.get(p.instrumentId(k)).lotSize());
            final BigInteger wanted = deltas[k].divide(limits[k]).divide(lot).multiply(lot);
            final BigInteger affordable = cash.signum() <= 0 ? BigInteger.ZERO
                : cash.divide(limits[k]).divide(lot).multiply(lot);
            final BigInteger quantity = wanted.min(affordable);
            final BigInteger notional = quantity.multiply(limits[k]);
            if (quantity.signum() > 0 && notional.compareTo(min) >= 0) {
                orders.add(new Order(k, Side.BUY, quantity.longValueExact(), limits[k].longValueExact(),
                    prices.mark(p.instrumentId(k))));
                cash = cash.subtract(notional);
            }
        }
        return orders;
    }

    private static BigInteger total(final Portfolio p) {
        BigInteger total = big(p.effectiveCash());
        for (int k = 0; k < p.assets(); k++) {
            total = total.add(big(p.marketValue(k)));
        }
        return total;
    }

    private static BigInteger buffer(final Portfolio p) {
        return ppm(total(p), p.spec().cashBufferPpm());
    }

    /** Desired value per slot, or null when the portfolio cannot be planned. */
    private static BigInteger[] desired(final Portfolio p) {
        final BigInteger total = total(p);
        if (p.hasOverflow() || total.signum() <= 0) {
            return null;
        }
        for (int k = 0; k < p.assets(); k++) {
            if (p.effectiveQuantity(k) != 0 && p.markPrice(k) <= 0) {
                return null;
            }
        }
        final PortfolioSpec spec = p.spec();
        final BigInteger v = total.subtract(buffer(p));
        if (v.signum() <= 0) {
            return null;
        }
        final int n = p.assets();
        final BigInteger[] target = new BigInteger[n];
        final BigInteger[] desired = new BigInteger[n];
        for (int k = 0; k < n; k++) {
            target[k] = ppm(v, p.targetPpm(k));
            final BigInteger mv = big(p.marketValue(k));
            switch (spec.plannerMode()) {
                case HALFWAY -> desired[k] = mv.add(target[k]).divide(TWO);
                case TO_BAND_EDGE -> {
                    final long edge = (long)Math.max(0, p.bandPpm(k)) * (1_000_000 - spec.hysteresisPpm()) / 1_000_000;
                    final BigInteger upper = ppm(v, Math.min(1_000_000, p.targetPpm(k) + edge));
                    final BigInteger lower = ppm(v, Math.max(0, p.targetPpm(k) - edge));
                    desired[k] = mv.compareTo(upper) > 0 ? upper : mv.compareTo(lower) < 0 ? lower : mv;
                }
                default -> desired[k] = target[k];
            }
        }
        if (spec.plannerMode() == PlannerMode.TO_BAND_EDGE && spec.portfolioBandPpm() > 0) {
            shrink(p, v, target, desired);
        }
        return desired;
    }

    private static void shrink(final Portfolio p, final BigInteger v, final BigInteger[] target,
        final BigInteger[] desired) {
        final PortfolioSpec spec = p.spec();
        BigInteger planned = BigInteger.ZERO;
        BigInteger deviations = BigInteger.ZERO;
        for (int k = 0; k < p.assets(); k++) {
            planned = planned.add(desired[k]);
            deviations = deviations.add(desired[k].subtract(target[k]).abs());
        }
        deviations = deviations.add(v.subtract(planned).abs());
        final BigInteger driftPpm = ceil(deviations.multiply(MILLION), v.multiply(TWO));
        final BigInteger edgePpm = big((long)spec.portfolioBandPpm() * (1_000_000 - spec.hysteresisPpm()) / 1_000_000);
        if (driftPpm.compareTo(edgePpm) <= 0) {
            return;
        }
        final BigInteger keep = edgePpm.multiply(MILLION).divide(driftPpm);
        for (int k = 0; k < p.assets(); k++) {
            final BigInteger away = desired[k].subtract(target[k]);
            final BigInteger kept = away.abs().multiply(keep).divide(MILLION);
            desired[k] = away.signum() >= 0 ? target[k].add(kept) : target[k].subtract(kept);
        }
    }

    private static BigInteger ppm(final BigInteger value, final long ppm) {
        return value.multiply(BigInteger.valueOf(ppm)).divide(MILLION);
    }

    /** {@code ceil(a / b)} for {@code a >= 0, b > 0}. */
    private static BigInteger ceil(final BigInteger a, final BigInteger b) {
        return a.add(b).subtract(BigInteger.ONE).divide(b);
    }

    private static BigInteger big(final long value) {
        return BigInteger.valueOf(value);
    }
}

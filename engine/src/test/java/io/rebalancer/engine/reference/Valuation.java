package io.rebalancer.engine.reference;

import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.drift.DriftStatus;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One portfolio valued from scratch: for each slot the effective quantity (settled, plus open buys, minus open
 * sells) at the instrument's mark, and the effective cash (settled cash, less what open buys may spend at their
 * limits, plus what open sells will raise at theirs). Built anew for every decision; exact integers throughout.
 * <p>
 * The scenarios keep every value far inside a {@code long} of micros, where the engine's overflow guards never act;
 * those are checked on their own ({@link EngineRegressionTest}).
 *
 * @param lines         one per slot, in slot order
 * @param effectiveCash micros
 * @param total         effective cash plus every line's value, micros
 */
record Valuation(ReferencePortfolio portfolio, List<Line> lines, BigInteger effectiveCash, BigInteger total) {
    static final BigInteger MILLION = BigInteger.valueOf(1_000_000);

    /**
     * One slot.
     *
     * @param quote    the instrument's last accepted quote, or null before the first
     * @param sellable settled units less the units open sells already sell
     */
    record Line(int instrument, int targetPpm, int bandPpm, BigInteger quantity, long sellable, long openBuys,
                long openSells, Quote quote) {
        /** The mark price, or 0 before the first quote. */
        BigInteger mark() {
            return BigInteger.valueOf(quote == null ? 0 : quote.mark());
        }

        BigInteger value() {
            return quantity.multiply(mark());
        }
    }

    static Valuation of(final ReferencePortfolio portfolio, final Map<Integer, Quote> quotes,
        final Collection<WorkingOrder> book) {
        return of(portfolio, quotes, book, BigInteger.ZERO);
    }

    /** With {@code heldBack} of the open sells' proceeds counted as not coming (while buys are planned). */
    static Valuation of(final ReferencePortfolio portfolio, final Map<Integer, Quote> quotes,
        final Collection<WorkingOrder> book, final BigInteger heldBack) {
        BigInteger cash = portfolio.cash().subtract(heldBack);
        final List<Line> lines = new ArrayList<>();
        BigInteger total = BigInteger.ZERO;
        for (final int instrument : portfolio.instruments()) {
            long quantity = portfolio.settled(instrument);
            long openBuys = 0;
            long openSells = 0;
            for (final WorkingOrder order : book) {
                if (order.portfolio() == portfolio.id() && order.instrument() == instrument) {
                    final BigInteger atLimit = BigInteger.valueOf(order.leaves())
                        .multiply(BigInteger.valueOf(order.limitPrice()));
                    if (order.side() == Side.BUY) {
                        quantity += order.leaves();
                        openBuys += order.leaves();
                        cash = cash.subtract(atLimit);
                    } else {
                        quantity -= order.leaves();
                        openSells += order.leaves();
                        cash = cash.add(atLimit);
                    }
                }
            }
            final Line line = new Line(instrument, portfolio.targetPpm(instrument), portfolio.bandPpm(instrument),
                BigInteger.valueOf(quantity), portfolio.settled(instrument) - openSells, openBuys, openSells,
                quotes.get(instrument));
            lines.add(line);
            total = total.add(line.value());
        }
        return new Valuation(portfolio, lines, cash, total.add(cash));
    }

    /** The cash kept back: total times the buffer, rounded down; none when the total is not positive. */
    BigInteger buffer() {
        return total.signum() > 0 ? ppmOf(total, portfolio.spec().cashBufferPpm()) : BigInteger.ZERO;
    }

    /** What the targets are weights of: total less the buffer. */
    BigInteger investable() {
        return total.subtract(buffer());
    }

    /**
     * Whether the portfolio can be judged now: every instrument it holds (effectively) or targets needs a quote
     * no older than {@code maxAge} at {@code now}, and something must be investable.
     */
    DriftStatus status(final long now, final long maxAge) {
        for (final Line line : lines) {
            final boolean matters = line.quantity().signum() != 0 || line.targetPpm() != 0;
            if (matters && (line.quote() == null || now - line.quote().time() > maxAge)) {
                return DriftStatus.STALE_PRICE;
            }
        }
        return investable().signum() > 0 ? DriftStatus.OK : DriftStatus.NO_VALUE;
    }

    /** |weight - target| of a line, weights as fractions of the investable value. */
    Ratio deviation(final Line line) {
        return Ratio.of(line.value(), investable()).subtract(Ratio.ppm(line.targetPpm())).abs();
    }

    /** Half the sum of every line's |weight - target|, the cash above or below the buffer counted as a line. */
    Ratio portfolioDrift() {
        Ratio sum = Ratio.of(effectiveCash.subtract(buffer()), investable()).abs();
        for (final Line line : lines) {
            sum = sum.add(deviation(line));
        }
        return sum.divide(Ratio.of(2));
    }

    /** The largest of each banded line's deviation over its band and the portfolio drift over its band. */
    Ratio driftRatio() {
        Ratio ratio = Ratio.ZERO;
        for (final Line line : lines) {
            if (line.bandPpm() > 0) {
                ratio = ratio.max(deviation(line).divide(Ratio.ppm(line.bandPpm())));
            }
        }
        final int portfolioBand = portfolio.spec().portfolioBandPpm();
        return portfolioBand > 0 ? ratio.max(portfolioDrift().divide(Ratio.ppm(portfolioBand))) : ratio;
    }

    /** {@code value x ppm / 1e6} rounded down; callers only pass non-negative values. */
    static BigInteger ppmOf(final BigInteger value, final long ppm) {
        return value.multiply(BigInteger.valueOf(ppm)).divide(MILLION);
    }
}

package io.rebalancer.engine.reference;

import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Side;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a portfolio really owns in the reference: settled units per instrument and settled cash. Nothing else is
 * kept: open orders live in the reference's order book, and values, weights and drift are recomputed from these,
 * the book and the quotes every time they are needed.
 */
final class ReferencePortfolio {
    private final PortfolioSpec spec;
    private final List<Integer> instruments = new ArrayList<>();
    private final Map<Integer, Long> settled = new HashMap<>();
    private final ReferenceTrigger trigger;
    private BigInteger cash;

    ReferencePortfolio(final PortfolioSpec spec, final ReferenceTrigger trigger) {
        this.spec = spec;
        this.trigger = trigger;
        for (int slot = 0; slot < spec.assets(); slot++) {
            instruments.add(spec.instrumentIds()[slot]);
            settled.put(spec.instrumentIds()[slot], spec.quantities()[slot]);
        }
        cash = BigInteger.valueOf(spec.cash());
    }

    PortfolioSpec spec() {
        return spec;
    }

    int id() {
        return spec.id();
    }

    ReferenceTrigger trigger() {
        return trigger;
    }

    /** The instruments in the portfolio's slot order. */
    List<Integer> instruments() {
        return instruments;
    }

    boolean holds(final int instrument) {
        return instruments.contains(instrument);
    }

    int slotOf(final int instrument) {
        return instruments.indexOf(instrument);
    }

    long settled(final int instrument) {
        return settled.get(instrument);
    }

    BigInteger cash() {
        return cash;
    }

    /** Target weight of the instrument's slot in ppm. */
    int targetPpm(final int instrument) {
        return spec.targetPpm()[slotOf(instrument)];
    }

    /**
     * The band the slot is held to, in ppm of the portfolio: the tighter of the absolute band and the relative
     * band times the target (rounded down to a ppm), where a band of zero means "not configured".
     */
    int bandPpm(final int instrument) {
        final int slot = slotOf(instrument);
        final int absolute = spec.absoluteBandPpm()[slot];
        final long relative = (long)spec.relativeBandPpm()[slot] * spec.targetPpm()[slot] / 1_000_000;
        if (absolute == 0) {
            return (int)relative;
        }
        if (relative == 0) {
            return absolute;
        }
        return (int)Math.min(absolute, relative);
    }

    /** Books a trade the venue reported: units move, cash moves by units times price. */
    void traded(final int instrument, final byte side, final long quantity, final long price) {
        final long signed = side == Side.BUY ? quantity : -quantity;
        settled.put(instrument, settled.get(instrument) + signed);
        cash = cash.subtract(BigInteger.valueOf(signed).multiply(BigInteger.valueOf(price)));
    }
}

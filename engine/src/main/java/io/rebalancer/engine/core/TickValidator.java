package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.state.PriceBoard;

/**
 * The engine's own defence against bad prices, the second line behind the market-data edge (which also holds jumps,
 * refuses locked quotes, duplicates and unknown symbols by name, before the ring): a tick that fails here never
 * reaches the price board, so no drift is computed and no order is sized from it. It stays because the engine also
 * takes inputs that never passed an edge (a journal replayed, a test's driver), and a bad price must never count.
 */
final class TickValidator {
    private TickValidator() {
    }

    /** Null when the tick is usable, otherwise why not. A side of 0 means "not quoted". */
    static InputReject validate(final InstrumentUniverse universe, final PriceBoard prices, final InboundEvent tick) {
        final int instrument = tick.instrumentId();
        if (!universe.isValidId(instrument)) {
            return InputReject.UNKNOWN_INSTRUMENT;
        }
        final long bid = tick.bid();
        final long ask = tick.ask();
        final long last = tick.last();
        if (bid == Fixed.INVALID || ask == Fixed.INVALID || last == Fixed.INVALID) {
            return InputReject.NOT_A_NUMBER;
        }
        final boolean twoSided = bid > 0 && ask > 0;
        if (bid < 0 || ask < 0 || last < 0 || (!twoSided && last == 0)) {
            return InputReject.NON_POSITIVE_PRICE;
        }
        if (twoSided && bid > ask) {
            return InputReject.CROSSED_QUOTE;
        }
        final Instrument spec = universe.get(instrument);
        if (bid > spec.maxPrice() || ask > spec.maxPrice() || last > spec.maxPrice()) {
            return InputReject.ABSURD_PRICE;
        }
        if (prices.hasPrice(instrument) && tick.timeNanos() < prices.time(instrument)) {
            return InputReject.TIME_REGRESSION;
        }
        return null;
    }
}

package io.rebalancer.marketdata.recorded;

import io.rebalancer.marketdata.TickSink;

import java.util.ArrayList;
import java.util.List;

/** Every call a sink receives, in order, as values a test can compare. */
final class CallLog implements TickSink {
    /** One call: a tick (symbol null) or an unknown symbol (instrument {@link #UNKNOWN_INSTRUMENT}, prices 0). */
    record Call(long time, int instrument, long bid, long ask, long last, long size, long sequence, String symbol) {
        static Call tick(final long time, final int instrument, final long bid, final long ask, final long last,
            final long size, final long sequence) {
            return new Call(time, instrument, bid, ask, last, size, sequence, null);
        }

        /** A sequence reset, marked by this very string as its symbol. */
        static final String RESET = new String("<sequence reset>");

        static Call reset(final int instrument) {
            return new Call(0, instrument, 0, 0, 0, 0, 0, RESET);
        }

        static Call unknown(final long time, final String symbol) {
            return new Call(time, UNKNOWN_INSTRUMENT, 0, 0, 0, 0, 0, symbol);
        }

        boolean isTick() {
            return symbol == null;
        }
    }

    private final List<Call> calls = new ArrayList<>();

    @Override
    public void onTick(final long timeNanos, final int instrumentId, final long bid, final long ask, final long last,
        final long size, final long sequence) {
        calls.add(Call.tick(timeNanos, instrumentId, bid, ask, last, size, sequence));
    }

    @Override
    public void onUnknownSymbol(final long timeNanos, final CharSequence symbol) {
        calls.add(Call.unknown(timeNanos, symbol.toString()));
    }

    @Override
    public void onSequenceReset(final int instrumentId) {
        calls.add(Call.reset(instrumentId));
    }

    List<Call> calls() {
        return calls;
    }

    /** Replays the logged calls into {@code sink}, as a source would deliver them. */
    void replayInto(final TickSink sink) {
        for (final Call call : calls) {
            if (call.symbol() == Call.RESET) {
                sink.onSequenceReset(call.instrument());
            } else if (call.isTick()) {
                sink.onTick(call.time(), call.instrument(), call.bid(), call.ask(), call.last(), call.size(),
                    call.sequence());
            } else {
                sink.onUnknownSymbol(call.time(), call.symbol());
            }
        }
    }
}

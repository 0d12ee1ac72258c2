package io.rebalancer.marketdata.edge;

import io.rebalancer.marketdata.TickSink;

import java.util.ArrayList;
import java.util.List;

/** Records every tick it is told of, for exact assertions. */
final class CapturedTicks implements TickSink {
    record Tick(long time, int instrument, long bid, long ask, long last, long size, long sequence) {
    }

    final List<Tick> ticks = new ArrayList<>();
    final List<String> unknown = new ArrayList<>();

    @Override
    public void onTick(final long time, final int instrument, final long bid, final long ask, final long last,
        final long size, final long sequence) {
        ticks.add(new Tick(time, instrument, bid, ask, last, size, sequence));
    }

    @Override
    public void onUnknownSymbol(final long time, final CharSequence symbol) {
        unknown.add(symbol.toString());
    }

    Tick last() {
        return ticks.get(ticks.size() - 1);
    }
}

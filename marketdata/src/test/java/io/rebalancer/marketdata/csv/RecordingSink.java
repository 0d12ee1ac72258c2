package io.rebalancer.marketdata.csv;

import io.rebalancer.marketdata.FeedSource;
import io.rebalancer.marketdata.TickSink;

import java.util.ArrayList;
import java.util.List;

/** Records every tick and unknown symbol a source delivers, in order, as values to compare whole. */
final class RecordingSink implements TickSink {
    record Tick(long time, int instrument, long bid, long ask, long last, long size, long sequence) {
    }

    record Unknown(long time, String symbol) {
    }

    final List<Object> events = new ArrayList<>();

    @Override
    public void onTick(final long timeNanos, final int instrumentId, final long bid, final long ask, final long last,
        final long size, final long sequence) {
        events.add(new Tick(timeNanos, instrumentId, bid, ask, last, size, sequence));
    }

    @Override
    public void onUnknownSymbol(final long timeNanos, final CharSequence symbol) {
        events.add(new Unknown(timeNanos, symbol.toString()));
    }

    /** Polls {@code source} to its end, {@code limit} at a time, checking each poll's count. */
    static List<Object> drain(final FeedSource source, final int limit) {
        final RecordingSink sink = new RecordingSink();
        while (!source.finished()) {
            final int before = sink.events.size();
            final int delivered = source.poll(sink, limit);
            if (delivered != sink.events.size() - before || delivered > limit) {
                throw new AssertionError("poll said " + delivered + " but delivered " + (sink.events.size() - before));
            }
        }
        if (source.poll(sink, limit) != 0) {
            throw new AssertionError("a finished source delivered more");
        }
        return sink.events;
    }

    /** Opens, drains and closes. */
    static List<Object> drain(final CsvFeed source) {
        try (source) {
            return drain(source, 256);
        }
    }
}

package io.rebalancer.marketdata.edge;

import io.rebalancer.engine.domain.Fixed;

import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;

/**
 * Counts of each {@link TickFault} with the latest sample of each: written by the feed's thread only, read by any
 * (the status printer). Allocation-free to write. A sample is guarded by a per-kind version (a seqlock): odd
 * while being written, so a reader that sees the same even version before and after its reads has one whole sample.
 */
public final class FeedFaults {
    private static final TickFault[] KINDS = TickFault.values();
    private static final int VERSION = 0;
    private static final int TIME = 1;
    private static final int INSTRUMENT = 2;
    private static final int BID = 3;
    private static final int ASK = 4;
    private static final int LAST = 5;
    private static final int SEQUENCE = 6;
    private static final int SYMBOL = 7;
    /** Symbol characters kept in a sample: two longs of ASCII, enough for any ticker worth the name. */
    static final int SYMBOL_CHARS = 16;
    private static final int FIELDS = SYMBOL + SYMBOL_CHARS / Long.BYTES;
    private static final int READ_ATTEMPTS = 100;

    private final AtomicLongArray counts = new AtomicLongArray(KINDS.length);
    private final AtomicLongArray samples = new AtomicLongArray(KINDS.length * FIELDS);

    /** Feed thread only: one more of {@code kind}, and this tick is its sample. */
    void record(final TickFault kind, final long time, final int instrument, final long bid, final long ask,
        final long last, final long sequence) {
        counts.lazySet(kind.ordinal(), counts.get(kind.ordinal()) + 1);
        final int base = beginSample(kind);
        samples.lazySet(base + TIME, time);
        samples.lazySet(base + INSTRUMENT, instrument);
        samples.lazySet(base + BID, bid);
        samples.lazySet(base + ASK, ask);
        samples.lazySet(base + LAST, last);
        samples.lazySet(base + SEQUENCE, sequence);
        samples.lazySet(base + SYMBOL, 0);
        samples.lazySet(base + SYMBOL + 1, 0);
        endSample(base);
    }

    /** Feed thread only: one more unknown symbol, and this is its sample (the first 16 ASCII characters). */
    void recordUnknown(final long time, final CharSequence symbol) {
        final int kind = TickFault.UNKNOWN_SYMBOL.ordinal();
        counts.lazySet(kind, counts.get(kind) + 1);
        final int base = beginSample(TickFault.UNKNOWN_SYMBOL);
        samples.lazySet(base + TIME, time);
        samples.lazySet(base + INSTRUMENT, -1);
        samples.lazySet(base + BID, 0);
        samples.lazySet(base + ASK, 0);
        samples.lazySet(base + LAST, 0);
        samples.lazySet(base + SEQUENCE, 0);
        samples.lazySet(base + SYMBOL, pack(symbol, 0));
        samples.lazySet(base + SYMBOL + 1, pack(symbol, Long.BYTES));
        endSample(base);
    }

    private int beginSample(final TickFault kind) {
        final int base = kind.ordinal() * FIELDS;
        samples.set(base + VERSION, samples.get(base + VERSION) + 1);
        // The odd version must be visible before any field changes.
        VarHandle.storeStoreFence();
        return base;
    }

    private void endSample(final int base) {
        samples.lazySet(base + VERSION, samples.get(base + VERSION) + 1);
    }

    private static long pack(final CharSequence symbol, final int from) {
        long packed = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            final int at = from + i;
            final long c = at < symbol.length() ? symbol.charAt(at) & 0x7F : 0;
            packed |= c << (Long.BYTES * i);
        }
        return packed;
    }

    /** How many of {@code kind} so far; any thread. */
    public long count(final TickFault kind) {
        return counts.get(kind.ordinal());
    }

    /** Ticks refused so far, every kind but {@link TickFault#GAP}; any thread. */
    public long refused() {
        long total = 0;
        for (final TickFault kind : KINDS) {
            if (kind.refuses()) {
                total += count(kind);
            }
        }
        return total;
    }

    /**
     * The latest sample of {@code kind} as text, for people: any thread; allocates. Null before the first, or when
     * the feed rewrote the sample faster than it could be read a hundred times running.
     *
     * @param symbols the configured symbol of each instrument id
     */
    public String sample(final TickFault kind, final IntFunction<String> symbols) {
        final int base = kind.ordinal() * FIELDS;
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            final long version = samples.get(base + VERSION);
            if (version == 0) {
                return null;
            }
            if ((version & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            final long time = samples.get(base + TIME);
            final int instrument = (int)samples.get(base + INSTRUMENT);
            final long bid = samples.get(base + BID);
            final long ask = samples.get(base + ASK);
            final long last = samples.get(base + LAST);
            final long sequence = samples.get(base + SEQUENCE);
            final String unknown = unpack(samples.get(base + SYMBOL)) + unpack(samples.get(base + SYMBOL + 1));
            if (samples.get(base + VERSION) == version) {
                final String symbol = !unknown.isEmpty() ? unknown : kind == TickFault.UNKNOWN_SYMBOL
                    ? "instrument #" + instrument : symbols.apply(instrument);
                return symbol + " at " + Instant.ofEpochSecond(0, time) + (!unknown.isEmpty() ? ""
                    : " bid " + price(bid) + " ask " + price(ask) + " last " + price(last))
                    + (sequence == 0 ? "" : " seq " + sequence);
            }
        }
        return null;
    }

    private static String price(final long micros) {
        return micros == Fixed.INVALID ? "NaN" : Fixed.format(micros);
    }

    private static String unpack(final long packed) {
        final StringBuilder text = new StringBuilder(Long.BYTES);
        for (int i = 0; i < Long.BYTES; i++) {
            final char c = (char)((packed >>> (Long.BYTES * i)) & 0x7F);
            if (c == 0) {
                break;
            }
            text.append(c);
        }
        return text.toString();
    }
}

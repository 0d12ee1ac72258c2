package io.rebalancer.fix.md;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.fix.FixDecimal;
import io.rebalancer.marketdata.TickSink;
import quickfix.FieldMap;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.MDEntryDate;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryTime;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateAction;
import quickfix.field.NoMDEntries;
import quickfix.field.RptSeq;
import quickfix.field.Symbol;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ToIntFunction;

/**
 * Turns snapshots (35=W) and increments (35=X) into whole ticks for the market-data edge: prices straight from the
 * field's text to micros ({@link Fixed#parseRounded}: half up past the sixth place), the symbol to the instrument
 * id, RptSeq (83) to the tick's sequence, MDEntryDate and MDEntryTime to its event time. Keeps the last bid, ask,
 * trade and trade size of each instrument, so an increment that changes one side still delivers the whole quote.
 * <ul>
 *   <li>A snapshot replaces the instrument's book (a side it lacks is 0, not quoted) and is preceded by
 *   {@link TickSink#onSequenceReset} (the edge forgets its numbering; a recorder keeps the reset): the venue's
 *   numbering may have started again (a restarted venue), and the snapshot's RptSeq is where its increments
 *   continue. A gap between the last update before a reconnect and
 *   the snapshot is not reported: the snapshot is the truth.</li>
 *   <li>An increment's entries of one instrument with one RptSeq are one update, delivered as one tick. An entry's
 *   instrument is its Symbol, or, without one, the symbol its MDReqID subscribed.</li>
 *   <li>A bid, offer or trade whose MDEntryPx is missing or unreadable is delivered as {@link Fixed#INVALID} on its
 *   side, so the edge refuses and counts the tick (and still takes its RptSeq); the book keeps its last good value,
 *   so the next update is whole again. Each such entry is counted malformed, never dropped silently.</li>
 *   <li>An update without an entry time keeps the instrument's last event time: the engine runs on event time,
 *   and the wall clock is not the venue's market time.</li>
 *   <li>MDUpdateAction 2 (Delete, and 3, 4) empties a side; 0, 1 and 5 set it. Entry types other than bid, offer
 *   and trade are counted as entries and ignored.</li>
 * </ul>
 * QFJ thread only, under the client's edge lock. Allocation-free apart from QuickFIX/J's own field access.
 */
final class RefreshDecoder {
    private static final int BID = 0;
    private static final int ASK = 1;
    private static final int LAST = 2;
    private static final int SIDES = 3;
    private static final int ALL = (1 << SIDES) - 1;

    private final InstrumentUniverse universe;
    /**
     * Where ticks and sequence resets go: the edge, or a stage in front of it that passes them on (the daemon's market
     * clock, a recorder).
     */
    private final TickSink ticks;
    private final MarketDataCounters counters;
    private final long[][] book;
    private final long[] size;
    private final long[] time;
    private final AtomicLongArray sequences;
    private final long[] pendingPrice = new long[SIDES];
    private int pendingId = -1;
    private long pendingSequence;
    private long pendingTime;
    private long pendingSize;
    private boolean pendingSizeSet;
    private int pendingSet;
    private int pendingBad;

    RefreshDecoder(final InstrumentUniverse universe, final TickSink ticks, final MarketDataCounters counters) {
        this.ticks = ticks;
        this.universe = universe;
        this.counters = counters;
        book = new long[SIDES][universe.size()];
        size = new long[universe.size()];
        time = new long[universe.size()];
        sequences = new AtomicLongArray(universe.size());
    }

    /** The RptSeq of the instrument's latest update delivered, 0 before the first; any thread. */
    long sequence(final int instrument) {
        return sequences.get(instrument);
    }

    /** A MarketDataSnapshotFullRefresh: the instrument's whole book, and where its numbering continues. */
    void snapshot(final Message message) throws FieldNotFound {
        counters.increment(MarketDataCounters.MESSAGES);
        counters.increment(MarketDataCounters.SNAPSHOTS);
        final List<Group> entries = message.getGroups(NoMDEntries.FIELD);
        counters.add(MarketDataCounters.ENTRIES, entries.size());
        final String symbol = message.getString(Symbol.FIELD);
        final int id = universe.idOf(symbol);
        if (id < 0) {
            unknown(symbol, entries.isEmpty() ? null : entries.get(0));
            return;
        }
        for (int side = 0; side < SIDES; side++) {
            book[side][id] = 0;
        }
        size[id] = 0;
        begin(id, sequence(message));
        for (final Group entry : entries) {
            apply(entry, MDUpdateAction.NEW);
        }
        ticks.onSequenceReset(id);
        if ((pendingSet | pendingBad) == 0) {
            // No quote yet: nothing to deliver, and the next increment continues this number.
            sequences.lazySet(id, pendingSequence);
            pendingId = -1;
            return;
        }
        flush();
    }

    /**
     * A MarketDataIncrementalRefresh: one tick per instrument update in it.
     *
     * @param subscribed the instrument an MDReqID of ours subscribed, or -1
     */
    void increment(final Message message, final ToIntFunction<String> subscribed) throws FieldNotFound {
        counters.increment(MarketDataCounters.MESSAGES);
        counters.increment(MarketDataCounters.INCREMENTS);
        final int requested = message.isSetField(MDReqID.FIELD)
            ? subscribed.applyAsInt(message.getString(MDReqID.FIELD)) : -1;
        for (final Group entry : message.getGroups(NoMDEntries.FIELD)) {
            counters.increment(MarketDataCounters.ENTRIES);
            final int id;
            if (entry.isSetField(Symbol.FIELD)) {
                id = universe.idOf(entry.getString(Symbol.FIELD));
                if (id < 0) {
                    flush();
                    unknown(entry.getString(Symbol.FIELD), entry);
                    continue;
                }
            } else if (requested >= 0) {
                id = requested;
            } else {
                flush();
                counters.increment(MarketDataCounters.MALFORMED_ENTRIES);
                continue;
            }
            final long sequence = sequence(entry);
            if (id != pendingId || sequence != pendingSequence) {
                flush();
                begin(id, sequence);
            }
            if (!entry.isSetField(MDEntryType.FIELD)) {
                counters.increment(MarketDataCounters.MALFORMED_ENTRIES);
                pendingBad = ALL;
                continue;
            }
            apply(entry, entry.getChar(MDUpdateAction.FIELD));
        }
        flush();
    }

    /** Forgets a half-read update, after a message could not be read to its end. */
    void discard() {
        pendingId = -1;
    }

    private void unknown(final String symbol, final FieldMap entry) {
        counters.increment(MarketDataCounters.UNKNOWN_SYMBOLS);
        final long when = entry == null ? EntryTime.NONE : entryTime(entry);
        ticks.onUnknownSymbol(when == EntryTime.NONE ? 0 : when, symbol);
    }

    private void begin(final int id, final long sequence) {
        pendingId = id;
        pendingSequence = sequence;
        pendingTime = EntryTime.NONE;
        pendingSizeSet = false;
        pendingSet = 0;
        pendingBad = 0;
    }

    private void apply(final Group entry, final char action) throws FieldNotFound {
        if (entry.isSetField(MDEntryDate.FIELD) || entry.isSetField(MDEntryTime.FIELD)) {
            final long when = entryTime(entry);
            if (when == EntryTime.NONE) {
                counters.increment(MarketDataCounters.MALFORMED_ENTRIES);
            } else {
                pendingTime = Math.max(pendingTime, when);
            }
        }
        final int side = side(entry.getChar(MDEntryType.FIELD));
        if (side < 0) {
            return;
        }
        final int bit = 1 << side;
        if (action == MDUpdateAction.DELETE || action == MDUpdateAction.DELETE_THRU
            || action == MDUpdateAction.DELETE_FROM) {
            pendingPrice[side] = 0;
            pendingSet |= bit;
            return;
        }
        final long price = entry.isSetField(MDEntryPx.FIELD)
            ? Fixed.parseRounded(entry.getString(MDEntryPx.FIELD)) : Fixed.INVALID;
        if (price == Fixed.INVALID) {
            counters.increment(MarketDataCounters.MALFORMED_ENTRIES);
            pendingBad |= bit;
            return;
        }
        pendingPrice[side] = price;
        pendingSet |= bit;
        if (side == LAST && entry.isSetField(MDEntrySize.FIELD)) {
            final long quantity = FixDecimal.parseQuantity(entry.getString(MDEntrySize.FIELD));
            if (quantity == FixDecimal.INVALID_QUANTITY) {
                counters.increment(MarketDataCounters.MALFORMED_ENTRIES);
            } else {
                pendingSize = quantity;
                pendingSizeSet = true;
            }
        }
    }

    /** Delivers the pending update as one whole tick and keeps its good values in the book. */
    private void flush() {
        final int id = pendingId;
        if (id < 0) {
            return;
        }
        pendingId = -1;
        if ((pendingSet | pendingBad) == 0) {
            return;
        }
        final long when = pendingTime == EntryTime.NONE ? time[id] : pendingTime;
        time[id] = when;
        if (pendingSizeSet) {
            size[id] = pendingSize;
        }
        for (int side = 0; side < SIDES; side++) {
            if ((pendingSet & 1 << side) != 0) {
                book[side][id] = pendingPrice[side];
            }
        }
        counters.increment(MarketDataCounters.TICKS);
        sequences.lazySet(id, pendingSequence);
        ticks.onTick(when, id, out(BID, id), out(ASK, id), out(LAST, id), size[id], pendingSequence);
    }

    private long out(final int side, final int id) {
        return (pendingBad & 1 << side) != 0 ? Fixed.INVALID : book[side][id];
    }

    private static int side(final char type) {
        switch (type) {
            case MDEntryType.BID:
                return BID;
            case MDEntryType.OFFER:
                return ASK;
            case MDEntryType.TRADE:
                return LAST;
            default:
                return -1;
        }
    }

    /** RptSeq of a message or entry; without one (or unreadable), the edge judges by content instead. */
    private static long sequence(final FieldMap fields) throws FieldNotFound {
        if (!fields.isSetField(RptSeq.FIELD)) {
            return TickSink.NO_SEQUENCE;
        }
        final long sequence = FixDecimal.parseId(fields.getString(RptSeq.FIELD));
        return sequence > 0 ? sequence : TickSink.NO_SEQUENCE;
    }

    private static long entryTime(final FieldMap entry) {
        try {
            return EntryTime.parse(entry.isSetField(MDEntryDate.FIELD) ? entry.getString(MDEntryDate.FIELD) : null,
                entry.isSetField(MDEntryTime.FIELD) ? entry.getString(MDEntryTime.FIELD) : null);
        } catch (final FieldNotFound never) {
            return EntryTime.NONE;
        }
    }
}

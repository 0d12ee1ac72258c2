package io.rebalancer.fix.md;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.fix.md.MarketDataLoop.Tick;
import io.rebalancer.marketdata.edge.EdgeSettings;
import io.rebalancer.marketdata.edge.MarketDataEdge;
import io.rebalancer.marketdata.edge.TickFault;
import org.junit.jupiter.api.Test;
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
import quickfix.field.MsgType;
import quickfix.field.NoMDEntries;
import quickfix.field.RptSeq;
import quickfix.field.Symbol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import static io.rebalancer.fix.md.MarketDataLoop.SPY;
import static io.rebalancer.fix.md.MarketDataLoop.TLT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Snapshots and increments built by hand, decoded into a real edge whose ring nobody consumes. */
class RefreshDecoderTest {
    /** 2023-11-14T22:13:20Z in epoch nanoseconds, and how the venue writes it. */
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final String DATE = "20231114";
    private static final String TIME = "22:13:20.000000000";
    private static final ToIntFunction<String> NO_REQUESTS = id -> -1;

    private final RingBuffer<InboundEvent> ring = RingBuffer.createMultiProducer(InboundEvent::new, 64);
    private final MarketDataEdge edge = new MarketDataEdge(MarketDataLoop.CLIENT_UNIVERSE.size(),
        new EdgeSettings(0, 0), new InboundPublisher(ring), null);
    private final MarketDataCounters counters = new MarketDataCounters();
    private final RefreshDecoder decoder = new RefreshDecoder(MarketDataLoop.CLIENT_UNIVERSE, edge, counters);

    @Test
    void shouldDeliverASnapshotWholeAndAnIncrementOfOneSideWithTheOthersKept() throws FieldNotFound {
        decoder.snapshot(snapshot("SPY", 4, entry(MDEntryType.BID, "100"), entry(MDEntryType.OFFER, "100.02"),
            entry(MDEntryType.TRADE, "100.01")));
        decoder.increment(increment(change(MDEntryType.OFFER, "SPY", 5, "100.03", "22:13:20.000000007")),
            NO_REQUESTS);
        assertEquals(List.of(Tick.of(T0, SPY, "100", "100.02", "100.01"),
            Tick.of(T0 + 7, SPY, "100", "100.03", "100.01")), ringTicks());
        assertEquals(5, decoder.sequence(SPY));
        assertEquals(2, counters.get(MarketDataCounters.TICKS));
        assertEquals(4, counters.get(MarketDataCounters.ENTRIES));
    }

    @Test
    void shouldDeliverAMissingPriceAsInvalidAndKeepTheLastGoodOneForTheNextUpdate() throws FieldNotFound {
        decoder.snapshot(snapshot("SPY", 1, entry(MDEntryType.BID, "100"), entry(MDEntryType.OFFER, "100.02")));
        final Group noPrice = change(MDEntryType.BID, "SPY", 2, "1", TIME);
        noPrice.removeField(MDEntryPx.FIELD);
        decoder.increment(increment(noPrice), NO_REQUESTS);
        decoder.increment(increment(change(MDEntryType.OFFER, "SPY", 3, "100.03", TIME)), NO_REQUESTS);

        assertEquals(1, edge.faults().count(TickFault.NOT_A_NUMBER));
        assertEquals(1, counters.get(MarketDataCounters.MALFORMED_ENTRIES));
        assertEquals(0, edge.faults().count(TickFault.GAP), "the invalid tick still took its RptSeq");
        assertEquals(List.of(Tick.of(T0, SPY, "100", "100.02", "0"), Tick.of(T0, SPY, "100", "100.03", "0")),
            ringTicks());
    }

    @Test
    void shouldDeliverAnUpdateWhoseEntryHasNoTypeAsInvalidOnEverySide() throws FieldNotFound {
        decoder.snapshot(snapshot("SPY", 1, entry(MDEntryType.BID, "100"), entry(MDEntryType.OFFER, "100.02")));
        final Group noType = change(MDEntryType.BID, "SPY", 2, "100.01", TIME);
        noType.removeField(MDEntryType.FIELD);
        decoder.increment(increment(noType), NO_REQUESTS);
        assertEquals(1, edge.faults().count(TickFault.NOT_A_NUMBER));
        assertEquals(1, counters.get(MarketDataCounters.MALFORMED_ENTRIES));
        assertEquals(2, decoder.sequence(SPY));
    }

    @Test
    void shouldNameTheInstrumentByTheMdReqIdWhenAnEntryHasNoSymbolAndCountOneItCannotName() throws FieldNotFound {
        final Group bid = change(MDEntryType.BID, "TLT", 1, "50", TIME);
        bid.removeField(Symbol.FIELD);
        final Message ours = increment(bid, change(MDEntryType.OFFER, "TLT", 1, "50.02", TIME));
        ours.setString(MDReqID.FIELD, "TLT.1");
        decoder.increment(ours, id -> "TLT.1".equals(id) ? TLT : -1);
        assertEquals(List.of(Tick.of(T0, TLT, "50", "50.02", "0")), ringTicks(), "one update, one tick");

        decoder.increment(increment(bid), NO_REQUESTS);
        assertEquals(1, counters.get(MarketDataCounters.MALFORMED_ENTRIES));
        assertEquals(1, ringTicks().size(), "nothing to deliver it to");
    }

    @Test
    void shouldSplitAnIncrementOfTwoInstrumentsIntoOneTickEach() throws FieldNotFound {
        decoder.increment(increment(change(MDEntryType.TRADE, "SPY", 1, "100.01", TIME),
            change(MDEntryType.TRADE, "TLT", 1, "50.01", "22:13:20.000000001")), NO_REQUESTS);
        assertEquals(List.of(Tick.of(T0, SPY, "0", "0", "100.01"), Tick.of(T0 + 1, TLT, "0", "0", "50.01")),
            ringTicks());
    }

    @Test
    void shouldEmptyADeletedSideAndKeepTheLastTimeWhenAnUpdateHasNone() throws FieldNotFound {
        decoder.snapshot(snapshot("SPY", 1, entry(MDEntryType.BID, "100"), entry(MDEntryType.OFFER, "100.02"),
            entry(MDEntryType.TRADE, "100.01")));
        final Group delete = change(MDEntryType.BID, "SPY", 2, "100", TIME);
        delete.setChar(MDUpdateAction.FIELD, MDUpdateAction.DELETE);
        delete.removeField(MDEntryPx.FIELD);
        delete.removeField(MDEntryDate.FIELD);
        delete.removeField(MDEntryTime.FIELD);
        decoder.increment(increment(delete), NO_REQUESTS);
        assertEquals(Tick.of(T0, SPY, "0", "100.02", "100.01"), ringTicks().get(1));
        assertEquals(0, counters.get(MarketDataCounters.MALFORMED_ENTRIES));
    }

    @Test
    void shouldReadTheTradeSizeAndTellTheEdgeOfAnUnknownSymbol() throws FieldNotFound {
        final Group trade = entry(MDEntryType.TRADE, "100.01");
        trade.setString(MDEntrySize.FIELD, "300");
        decoder.snapshot(snapshot("SPY", 1, trade));
        decoder.snapshot(snapshot("NOPE", 1, entry(MDEntryType.BID, "1")));
        assertEquals(1, counters.get(MarketDataCounters.UNKNOWN_SYMBOLS));
        assertEquals(1, edge.faults().count(TickFault.UNKNOWN_SYMBOL));
        assertEquals(1, ringTicks().size());
    }

    @Test
    void shouldTakeASnapshotsNumberAfterHigherOnesWithoutCallingItADuplicate() throws FieldNotFound {
        decoder.snapshot(snapshot("SPY", 9, entry(MDEntryType.BID, "100"), entry(MDEntryType.OFFER, "100.02")));
        decoder.snapshot(snapshot("SPY", 2, entry(MDEntryType.BID, "100"), entry(MDEntryType.OFFER, "100.03")));
        decoder.increment(increment(change(MDEntryType.OFFER, "SPY", 3, "100.04", TIME)), NO_REQUESTS);
        assertEquals(0, edge.faults().refused());
        assertEquals(0, edge.faults().count(TickFault.GAP));
        assertEquals(3, ringTicks().size());
    }

    private List<Tick> ringTicks() {
        final List<Tick> ticks = new ArrayList<>();
        for (long sequence = 0; sequence <= ring.getCursor(); sequence++) {
            final InboundEvent event = ring.get(sequence);
            ticks.add(new Tick(event.timeNanos(), event.instrumentId(), event.bid(), event.ask(), event.last()));
        }
        return ticks;
    }

    private static Message snapshot(final String symbol, final long rptSeq, final Group... entries) {
        final Message message = new Message();
        message.getHeader().setString(MsgType.FIELD, MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH);
        message.setString(Symbol.FIELD, symbol);
        message.setString(RptSeq.FIELD, Long.toString(rptSeq));
        for (final Group entry : entries) {
            message.addGroup(entry);
        }
        return message;
    }

    private static Group entry(final char type, final String price) {
        final Group entry = new Group(NoMDEntries.FIELD, MDEntryType.FIELD);
        entry.setChar(MDEntryType.FIELD, type);
        entry.setString(MDEntryPx.FIELD, price);
        entry.setString(MDEntryDate.FIELD, DATE);
        entry.setString(MDEntryTime.FIELD, TIME);
        return entry;
    }

    private static Message increment(final Group... entries) {
        final Message message = new Message();
        message.getHeader().setString(MsgType.FIELD, MsgType.MARKET_DATA_INCREMENTAL_REFRESH);
        for (final Group entry : entries) {
            message.addGroup(entry);
        }
        return message;
    }

    private static Group change(final char type, final String symbol, final long rptSeq, final String price,
        final String time) {
        final Group entry = new Group(NoMDEntries.FIELD, MDUpdateAction.FIELD);
        entry.setChar(MDUpdateAction.FIELD, MDUpdateAction.CHANGE);
        entry.setChar(MDEntryType.FIELD, type);
        entry.setString(Symbol.FIELD, symbol);
        entry.setString(RptSeq.FIELD, Long.toString(rptSeq));
        entry.setString(MDEntryPx.FIELD, price);
        entry.setString(MDEntryDate.FIELD, DATE);
        entry.setString(MDEntryTime.FIELD, time);
        return entry;
    }
}

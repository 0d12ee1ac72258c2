package io.rebalancer.venue;

import io.rebalancer.engine.domain.Fixed;
import org.junit.jupiter.api.Test;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.MDEntryDate;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryTime;
import quickfix.field.MDEntryType;
import quickfix.field.MDUpdateAction;
import quickfix.field.NoMDEntries;
import quickfix.field.RptSeq;
import quickfix.field.Symbol;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The venue's snapshots and increments, field by field. */
class VenueMarketDataMessagesTest {
    private static final long T0 = Instant.parse("2023-11-14T22:13:20.123456789Z").getEpochSecond() * 1_000_000_000L
        + 123_456_789;

    @Test
    void shouldStampTheMarketsEventTimeToTheNanosecondInUtc() {
        assertEquals("20231114", VenueMarketDataMessages.date(T0));
        assertEquals("22:13:20.123456789", VenueMarketDataMessages.time(T0));
        assertEquals("19700101", VenueMarketDataMessages.date(0));
        assertEquals("00:00:00.000000000", VenueMarketDataMessages.time(0));
        assertEquals("23:59:59.999999999", VenueMarketDataMessages.time(86_400_000_000_000L - 1));
    }

    @Test
    void shouldSnapshotTheTopOfTheBookWithTheCurrentRptSeq() throws FieldNotFound {
        final TopOfBook book = book(T0, "100", "100.02", "100.01", 300);
        final Message snapshot = VenueMarketDataMessages.snapshot("R1", "SPY", 7, book, VenueMarketDataAgent.BID
            | VenueMarketDataAgent.OFFER | VenueMarketDataAgent.TRADE);
        assertEquals("SPY", snapshot.getString(Symbol.FIELD));
        assertEquals("7", snapshot.getString(RptSeq.FIELD));
        assertEquals(3, snapshot.getInt(NoMDEntries.FIELD));
        final Group bid = snapshot.getGroup(1, NoMDEntries.FIELD);
        assertEquals(MDEntryType.BID, bid.getChar(MDEntryType.FIELD));
        assertEquals("100", bid.getString(MDEntryPx.FIELD));
        assertFalse(bid.isSetField(MDEntrySize.FIELD), "the market does not say the quote's size");
        assertEquals("20231114", bid.getString(MDEntryDate.FIELD));
        assertEquals("22:13:20.123456789", bid.getString(MDEntryTime.FIELD));
        final Group trade = snapshot.getGroup(3, NoMDEntries.FIELD);
        assertEquals(MDEntryType.TRADE, trade.getChar(MDEntryType.FIELD));
        assertEquals("100.01", trade.getString(MDEntryPx.FIELD));
        assertEquals("300", trade.getString(MDEntrySize.FIELD));
    }

    @Test
    void shouldSnapshotOnlyTheTypesAskedForAndNothingBeforeTheFirstQuote() throws FieldNotFound {
        final Message bidOnly = VenueMarketDataMessages.snapshot("R1", "SPY", 1,
            book(T0, "100", "100.02", "100.01", 0), VenueMarketDataAgent.BID);
        assertEquals(1, bidOnly.getInt(NoMDEntries.FIELD));
        final Message empty = VenueMarketDataMessages.snapshot("R1", "SPY", 0, new TopOfBook(),
            VenueMarketDataAgent.BID | VenueMarketDataAgent.OFFER | VenueMarketDataAgent.TRADE);
        assertEquals(0, empty.getInt(NoMDEntries.FIELD));
        assertEquals("0", empty.getString(RptSeq.FIELD));
    }

    @Test
    void shouldSayNewChangeOrDeleteForEachChangedSide() throws FieldNotFound {
        final TopOfBook before = book(T0, "0", "100.02", "100.01", 0);
        final TopOfBook after = book(T0 + 1, "100", "0", "100.02", 0);
        final Message increment = VenueMarketDataMessages.increment("R1", "SPY", 8, before, after,
            after.changedFrom(before));
        assertEquals(3, increment.getInt(NoMDEntries.FIELD));
        final Group bid = increment.getGroup(1, NoMDEntries.FIELD);
        assertEquals(MDUpdateAction.NEW, bid.getChar(MDUpdateAction.FIELD));
        assertEquals("SPY", bid.getString(Symbol.FIELD));
        assertEquals("8", bid.getString(RptSeq.FIELD));
        final Group offer = increment.getGroup(2, NoMDEntries.FIELD);
        assertEquals(MDUpdateAction.DELETE, offer.getChar(MDUpdateAction.FIELD));
        assertFalse(offer.isSetField(MDEntryPx.FIELD));
        final Group trade = increment.getGroup(3, NoMDEntries.FIELD);
        assertEquals(MDUpdateAction.CHANGE, trade.getChar(MDUpdateAction.FIELD));
        assertEquals("100.02", trade.getString(MDEntryPx.FIELD));
        assertEquals("22:13:20.123456790", trade.getString(MDEntryTime.FIELD));
    }

    private static TopOfBook book(final long time, final String bid, final String ask, final String last,
        final long size) {
        final TopOfBook book = new TopOfBook();
        book.time = time;
        book.bid = Fixed.parse(bid);
        book.ask = Fixed.parse(ask);
        book.last = Fixed.parse(last);
        book.size = size;
        return book;
    }
}

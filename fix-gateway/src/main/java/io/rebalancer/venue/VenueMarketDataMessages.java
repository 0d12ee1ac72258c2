package io.rebalancer.venue;

import io.rebalancer.engine.time.CivilDates;
import io.rebalancer.fix.FixDecimal;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.MDEntryDate;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryTime;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDReqRejReason;
import quickfix.field.MDUpdateAction;
import quickfix.field.MsgType;
import quickfix.field.NoMDEntries;
import quickfix.field.RptSeq;
import quickfix.field.Symbol;
import quickfix.field.Text;

import java.util.concurrent.TimeUnit;

/**
 * Builds the venue's market-data messages as plain {@link Message}s, so one code path serves FIX 4.4 and 4.2 (the
 * two agree on every field used here). Wire choices:
 * <ul>
 *   <li>Top of book only: at most one bid (MDEntryType 0), one offer (1) and the last trade (2) per symbol. Bid and
 *   offer carry no MDEntrySize (the market does not say); the trade carries its size when the market gave one.</li>
 *   <li>The market's event time, never the wall clock, is in every entry as MDEntryDate (272, {@code YYYYMMDD})
 *   and MDEntryTime (273, UTC, {@code HH:MM:SS.nnnnnnnnn}): the client's engine runs on event time, and a
 *   simulated market's time is not today's. SendingTime (52) stays QuickFIX/J's wall clock, as the session layer
 *   wants it.</li>
 *   <li>RptSeq (83) numbers each instrument's updates 1, 2, 3, ...: in the body of a snapshot (35=W: the number of
 *   the update it shows, so the client knows the next increment is one more; 0 before the first) and in every
 *   entry of an increment (35=X), as FIX 5.0 places it. QuickFIX/J's FIX 4.4 and 4.2 dictionaries do not list it
 *   there, so a receiver that validates must allow it (our client does, for its own session only).</li>
 *   <li>An increment carries only the entries that changed, MDUpdateAction 0 (New) for a side that was empty, 1
 *   (Change) for one that had a price, 2 (Delete, no price) for one that is empty now. One message per instrument
 *   update, so RptSeq is the same in all its entries.</li>
 * </ul>
 */
final class VenueMarketDataMessages {
    private static final int[] SNAPSHOT_ENTRY = {MDEntryType.FIELD, MDEntryPx.FIELD, MDEntrySize.FIELD,
        MDEntryDate.FIELD, MDEntryTime.FIELD};
    private static final int[] INCREMENT_ENTRY = {MDUpdateAction.FIELD, MDEntryType.FIELD, Symbol.FIELD,
        RptSeq.FIELD, MDEntryPx.FIELD, MDEntrySize.FIELD, MDEntryDate.FIELD, MDEntryTime.FIELD};
    private static final long NANOS_PER_DAY = TimeUnit.DAYS.toNanos(1);
    private static final int[] TIME_DIVISORS = {36_000, 3_600, 600, 60, 10, 1};

    private VenueMarketDataMessages() {
    }

    /**
     * A MarketDataSnapshotFullRefresh of one symbol: the entries asked for that have a price, or none at all
     * (NoMDEntries=0) before the instrument's first quote.
     */
    static Message snapshot(final String requestId, final String symbol, final long rptSeq, final TopOfBook book,
        final int entryTypes) {
        final Message message = message(MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH, requestId);
        message.setString(Symbol.FIELD, symbol);
        message.setString(RptSeq.FIELD, Long.toString(rptSeq));
        message.setInt(NoMDEntries.FIELD, 0);
        if ((entryTypes & VenueMarketDataAgent.BID) != 0 && book.bid > 0) {
            message.addGroup(snapshotEntry(MDEntryType.BID, book.bid, 0, book.time));
        }
        if ((entryTypes & VenueMarketDataAgent.OFFER) != 0 && book.ask > 0) {
            message.addGroup(snapshotEntry(MDEntryType.OFFER, book.ask, 0, book.time));
        }
        if ((entryTypes & VenueMarketDataAgent.TRADE) != 0 && book.last > 0) {
            message.addGroup(snapshotEntry(MDEntryType.TRADE, book.last, book.size, book.time));
        }
        return message;
    }

    /** A MarketDataIncrementalRefresh of the {@code sides} (bits) that went from {@code before} to {@code after}. */
    static Message increment(final String requestId, final String symbol, final long rptSeq, final TopOfBook before,
        final TopOfBook after, final int sides) {
        final Message message = message(MsgType.MARKET_DATA_INCREMENTAL_REFRESH, requestId);
        if ((sides & VenueMarketDataAgent.BID) != 0) {
            message.addGroup(incrementEntry(MDEntryType.BID, symbol, rptSeq, before.bid, after.bid, 0, after.time));
        }
        if ((sides & VenueMarketDataAgent.OFFER) != 0) {
            message.addGroup(incrementEntry(MDEntryType.OFFER, symbol, rptSeq, before.ask, after.ask, 0, after.time));
        }
        if ((sides & VenueMarketDataAgent.TRADE) != 0) {
            message.addGroup(incrementEntry(MDEntryType.TRADE, symbol, rptSeq, before.last, after.last, after.size,
                after.time));
        }
        return message;
    }

    /** Fault: an increment whose one bid entry (Change) has no MDEntryPx. */
    static Message withoutPrice(final String requestId, final String symbol, final long rptSeq, final long time) {
        final Message message = message(MsgType.MARKET_DATA_INCREMENTAL_REFRESH, requestId);
        final Group entry = incrementEntry(MDEntryType.BID, symbol, rptSeq, 1, 1, 0, time);
        entry.removeField(MDEntryPx.FIELD);
        message.addGroup(entry);
        return message;
    }

    /**
     * A MarketDataRequestReject (35=Y).
     *
     * @param reason an {@link MDReqRejReason} code, or 0 for none (FIX has no code for every refusal)
     */
    static Message reject(final String requestId, final char reason, final String text) {
        final Message message = message(MsgType.MARKET_DATA_REQUEST_REJECT, requestId);
        if (reason != 0) {
            message.setChar(MDReqRejReason.FIELD, reason);
        }
        message.setString(Text.FIELD, text);
        return message;
    }

    private static Message message(final String type, final String requestId) {
        final Message message = new Message();
        message.getHeader().setString(MsgType.FIELD, type);
        message.setString(MDReqID.FIELD, requestId);
        return message;
    }

    private static Group snapshotEntry(final char type, final long price, final long size, final long time) {
        final Group entry = new Group(NoMDEntries.FIELD, MDEntryType.FIELD, SNAPSHOT_ENTRY);
        entry.setChar(MDEntryType.FIELD, type);
        entry.setString(MDEntryPx.FIELD, FixDecimal.formatPrice(price));
        if (size > 0) {
            entry.setString(MDEntrySize.FIELD, Long.toString(size));
        }
        stamp(entry, time);
        return entry;
    }

    private static Group incrementEntry(final char type, final String symbol, final long rptSeq, final long before,
        final long after, final long size, final long time) {
        final Group entry = new Group(NoMDEntries.FIELD, MDUpdateAction.FIELD, INCREMENT_ENTRY);
        entry.setChar(MDUpdateAction.FIELD, after == 0 ? MDUpdateAction.DELETE
            : before == 0 ? MDUpdateAction.NEW : MDUpdateAction.CHANGE);
        entry.setChar(MDEntryType.FIELD, type);
        entry.setString(Symbol.FIELD, symbol);
        entry.setString(RptSeq.FIELD, Long.toString(rptSeq));
        if (after != 0) {
            entry.setString(MDEntryPx.FIELD, FixDecimal.formatPrice(after));
            if (size > 0) {
                entry.setString(MDEntrySize.FIELD, Long.toString(size));
            }
        }
        stamp(entry, time);
        return entry;
    }

    private static void stamp(final Group entry, final long time) {
        entry.setString(MDEntryDate.FIELD, date(time));
        entry.setString(MDEntryTime.FIELD, time(time));
    }

    /** Epoch nanoseconds as a UTC date, {@code YYYYMMDD}. */
    static String date(final long epochNanos) {
        return Integer.toString(CivilDates.packedDate(Math.floorDiv(epochNanos, NANOS_PER_DAY)));
    }

    /** Epoch nanoseconds as a UTC time of day to the nanosecond, {@code HH:MM:SS.nnnnnnnnn}. */
    static String time(final long epochNanos) {
        final long nanoOfDay = Math.floorMod(epochNanos, NANOS_PER_DAY);
        long seconds = nanoOfDay / TimeUnit.SECONDS.toNanos(1);
        final StringBuilder text = new StringBuilder(18);
        for (int i = 0; i < TIME_DIVISORS.length; i++) {
            if (i == 2 || i == 4) {
                text.append(':');
            }
            text.append((char)('0' + seconds / TIME_DIVISORS[i]));
            seconds %= TIME_DIVISORS[i];
        }
        final String nanos = Long.toString(nanoOfDay % TimeUnit.SECONDS.toNanos(1) + TimeUnit.SECONDS.toNanos(1));
        return text.append('.').append(nanos, 1, nanos.length()).toString();
    }
}

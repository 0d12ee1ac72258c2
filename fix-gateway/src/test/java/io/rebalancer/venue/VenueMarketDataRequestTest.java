package io.rebalancer.venue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDReqRejReason;
import quickfix.field.MDUpdateType;
import quickfix.field.MarketDepth;
import quickfix.field.MsgType;
import quickfix.field.NoMDEntryTypes;
import quickfix.field.NoRelatedSym;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.field.Text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the venue refuses of a MarketDataRequest (35=V), answered with a MarketDataRequestReject (35=Y) over a real
 * session. (What it serves is tested with the real client: {@code io.rebalancer.fix.md.FixMarketDataSystemTest}.)
 */
@Timeout(30)
class VenueMarketDataRequestTest {
    @Test
    void shouldRefuseTheWholeRequestWhenOneSymbolIsUnknown() throws Exception {
        try (VenueFixture fixture = new VenueFixture(VenueBehaviour.DEFAULT)) {
            final VenueTestClient client = fixture.logOn();
            client.send(request("R1", SubscriptionRequestType.SNAPSHOT_UPDATES, 1, '0', "SPY", "NOPE"));
            final Message reject = client.next();
            assertReject(reject, "R1", MDReqRejReason.UNKNOWN_SYMBOL, "NOPE");
            assertEquals(0, fixture.venue.marketData().subscriptions());
            assertEquals(0, fixture.venue.marketData().counters().get(VenueMarketDataCounters.SNAPSHOTS));
        }
    }

    @Test
    void shouldRefuseDepthBeyondTheTopOfTheBook() throws Exception {
        try (VenueFixture fixture = new VenueFixture(VenueBehaviour.DEFAULT)) {
            final VenueTestClient client = fixture.logOn();
            client.send(request("R2", SubscriptionRequestType.SNAPSHOT, 5, '0', "SPY"));
            assertReject(client.next(), "R2", MDReqRejReason.UNSUPPORTED_MARKETDEPTH, "MarketDepth 5");
        }
    }

    @Test
    void shouldRefuseAnEntryTypeOtherThanBidOfferOrTrade() throws Exception {
        try (VenueFixture fixture = new VenueFixture(VenueBehaviour.DEFAULT)) {
            final VenueTestClient client = fixture.logOn();
            client.send(request("R3", SubscriptionRequestType.SNAPSHOT_UPDATES, 1, MDEntryType.OPENING_PRICE,
                "SPY"));
            assertReject(client.next(), "R3", MDReqRejReason.UNSUPPORTED_MDENTRYTYPE, "MDEntryType");
        }
    }

    @Test
    void shouldRefuseFullRefreshUpdates() throws Exception {
        try (VenueFixture fixture = new VenueFixture(VenueBehaviour.DEFAULT)) {
            final VenueTestClient client = fixture.logOn();
            final Message request = request("R4", SubscriptionRequestType.SNAPSHOT_UPDATES, 1, '0', "SPY");
            request.setInt(MDUpdateType.FIELD, MDUpdateType.FULL_REFRESH);
            client.send(request);
            assertReject(client.next(), "R4", MDReqRejReason.UNSUPPORTED_MDUPDATETYPE, "MDUpdateType 0");
        }
    }

    @Test
    void shouldRefuseAnUnsubscribeOfAnMdReqIdWithNoSubscriptionWithoutAReasonCode() throws Exception {
        try (VenueFixture fixture = new VenueFixture(VenueBehaviour.DEFAULT)) {
            final VenueTestClient client = fixture.logOn();
            client.send(request("NEVER", SubscriptionRequestType.DISABLE_PREVIOUS_SNAPSHOT_UPDATE_REQUEST, 1, '0',
                "SPY"));
            final Message reject = client.next();
            assertEquals("NEVER", reject.getString(MDReqID.FIELD));
            assertFalse(reject.isSetField(MDReqRejReason.FIELD), "FIX has no code for it");
            assertTrue(reject.getString(Text.FIELD).contains("no subscription"), reject::toString);
        }
    }

    @Test
    void shouldRefuseAnMdReqIdAlreadySubscribedOnTheSession() throws Exception {
        try (VenueFixture fixture = new VenueFixture(VenueBehaviour.DEFAULT)) {
            final VenueTestClient client = fixture.logOn();
            // The snapshot of the first request carries RptSeq, which this test client's strict dictionary refuses
            // at the session level: it never reaches the queue, and does not matter here.
            client.send(request("SAME", SubscriptionRequestType.SNAPSHOT_UPDATES, 1, '0', "SPY"));
            client.send(request("SAME", SubscriptionRequestType.SNAPSHOT_UPDATES, 1, '1', "TLT"));
            assertReject(client.next(), "SAME", MDReqRejReason.DUPLICATE_MDREQID, "already subscribed");
            assertEquals(1, fixture.venue.marketData().subscriptions());
        }
    }

    private static void assertReject(final Message reject, final String requestId, final char reason,
        final String text) throws FieldNotFound {
        assertEquals(MsgType.MARKET_DATA_REQUEST_REJECT, VenueFixture.type(reject));
        assertEquals(requestId, reject.getString(MDReqID.FIELD));
        assertEquals(reason, reject.getChar(MDReqRejReason.FIELD));
        assertTrue(reject.getString(Text.FIELD).contains(text), reject::toString);
    }

    private static Message request(final String requestId, final char type, final int depth, final char entryType,
        final String... symbols) {
        final Message request = new Message();
        request.getHeader().setString(MsgType.FIELD, MsgType.MARKET_DATA_REQUEST);
        request.setString(MDReqID.FIELD, requestId);
        request.setChar(SubscriptionRequestType.FIELD, type);
        request.setInt(MarketDepth.FIELD, depth);
        final Group types = new Group(NoMDEntryTypes.FIELD, MDEntryType.FIELD);
        types.setChar(MDEntryType.FIELD, entryType);
        request.addGroup(types);
        for (final String symbol : symbols) {
            final Group related = new Group(NoRelatedSym.FIELD, Symbol.FIELD);
            related.setString(Symbol.FIELD, symbol);
            request.addGroup(related);
        }
        return request;
    }
}

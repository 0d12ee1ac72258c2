package io.rebalancer.fix.md;

import io.rebalancer.venue.TestSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.MemoryStoreFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's settings are checked once, naming the problem; its relaxed dictionary is its own. */
class FixMarketDataClientTest {
    private static final SessionID CLIENT = new SessionID("FIX.4.4", "REBAL-MD", "VENUE");

    @Test
    void shouldRefuseSettingsAndSymbolsItCannotUseNamingThem() throws Exception {
        assertRefused(new SessionSettings(), List.of("SPY"), "no [SESSION]");
        final SessionSettings two = TestSessions.initiator(CLIENT, 1);
        final SessionID other = new SessionID("FIX.4.4", "REBAL-MD2", "VENUE");
        TestSessions.initiator(other, 1).getSessionProperties(other, true).forEach(
            (key, value) -> two.setString(other, key.toString(), value.toString()));
        assertRefused(two, List.of("SPY"), "more than one [SESSION]");
        final SessionID fix43 = new SessionID("FIX.4.3", "REBAL-MD", "VENUE");
        assertRefused(TestSessions.initiator(fix43, 1), List.of("SPY"), "FIX.4.3");
        assertRefused(TestSessions.acceptor(1, CLIENT), List.of("SPY"), "ConnectionType must be initiator");
        final SessionSettings noDictionary = TestSessions.initiator(CLIENT, 1);
        noDictionary.setString(CLIENT, "UseDataDictionary", "N");
        assertRefused(noDictionary, List.of("SPY"), "UseDataDictionary");
        assertRefused(TestSessions.initiator(CLIENT, 1), List.of("SPY", "NOPE"), "NOPE");
    }

    @Test
    @Timeout(30)
    void shouldRelaxOnlyItsOwnSessionsDictionaryForRptSeq() throws Exception {
        try (MarketDataLoop loop = new MarketDataLoop()) {
            final FixMarketDataClient client = loop.startClient(List.of("SPY"));
            loop.await("the logon", client::isLoggedOn);
            assertTrue(Session.lookupSession(loop.clientSession).getDataDictionary().isAllowUnknownMessageFields());
            assertFalse(Session.lookupSession(loop.venueSession).getDataDictionary().isAllowUnknownMessageFields(),
                "the venue's session reads the same FIX44.xml and must stay strict");
        }
    }

    private static void assertRefused(final SessionSettings settings, final List<String> symbols,
        final String why) {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> new FixMarketDataClient(settings, new MemoryStoreFactory(), MarketDataLoop.CLIENT_UNIVERSE,
                symbols, null));
        assertTrue(error.getMessage().contains(why), error::getMessage);
    }
}

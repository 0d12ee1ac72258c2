package io.rebalancer.venue;

import io.rebalancer.marketdata.synthetic.LatestQuotes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.MemoryStoreFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.field.Text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session configured with credentials admits a Logon that carries them and refuses one that does not. */
class VenueLogonTest {
    private VenueSimulator venue;
    private VenueTestClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (venue != null) {
            venue.close();
        }
    }

    @Test
    @Timeout(30)
    void shouldAcceptTheConfiguredUsernameAndPassword() throws Exception {
        final int port = startVenue();
        client = new VenueTestClient("FIX.4.4", port).credentials("alice", "s3cret").start().awaitLogon();
        assertEquals(1, venue.counters().get(VenueCounters.LOGONS));
        assertEquals(0, venue.counters().get(VenueCounters.LOGONS_REJECTED));
    }

    @Test
    @Timeout(30)
    void shouldRejectAWrongPasswordWithALogout() throws Exception {
        final int port = startVenue();
        client = new VenueTestClient("FIX.4.4", port).credentials("alice", "guess").start();
        assertTrue(client.logoutsReceived.take().getString(Text.FIELD).contains("Username/Password"));
        assertFalse(client.isLoggedOn());
        assertEquals(0, venue.counters().get(VenueCounters.LOGONS));
        assertTrue(venue.counters().get(VenueCounters.LOGONS_REJECTED) >= 1);
    }

    @Test
    @Timeout(30)
    void shouldRejectALogonWithoutCredentials() throws Exception {
        final int port = startVenue();
        client = new VenueTestClient("FIX.4.4", port).start();
        client.logoutsReceived.take();
        assertEquals(0, client.logons.get());
    }

    private int startVenue() {
        final int port = VenueTestClient.freePort();
        final SessionSettings settings = VenueTestClient.acceptor(port, "FIX.4.4");
        final SessionID session = VenueTestClient.venueSession("FIX.4.4");
        settings.setString(session, VenueApplication.KEY_USERNAME, "alice");
        settings.setString(session, VenueApplication.KEY_PASSWORD, "s3cret");
        venue = new VenueSimulator(settings, new MemoryStoreFactory(), new LatestQuotes(2), VenueFixture.UNIVERSE,
            VenueBehaviour.DEFAULT);
        venue.start();
        return port;
    }
}

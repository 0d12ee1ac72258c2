package io.rebalancer.venue;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.field.Text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session configured with credentials admits a Logon that carries them and refuses one that does not. */
class VenueLogonTest {
    @AutoClose
    private final VenueFixture fixture = VenueFixture.withCredentials("alice", "s3cret");

    @Test
    @Timeout(30)
    void shouldAcceptTheConfiguredUsernameAndPassword() throws Exception {
        fixture.client("FIX.4.4").credentials("alice", "s3cret").start().awaitLogon();
        assertEquals(1, fixture.venue.counters().get(VenueCounters.LOGONS));
        assertEquals(0, fixture.venue.counters().get(VenueCounters.LOGONS_REJECTED));
    }

    @Test
    @Timeout(30)
    void shouldRejectAWrongPasswordWithALogout() throws Exception {
        final VenueTestClient client = fixture.client("FIX.4.4").credentials("alice", "guess").start();
        assertTrue(client.logoutsReceived.take().getString(Text.FIELD).contains("Username/Password"));
        assertFalse(client.isLoggedOn());
        assertEquals(0, fixture.venue.counters().get(VenueCounters.LOGONS));
        assertTrue(fixture.venue.counters().get(VenueCounters.LOGONS_REJECTED) >= 1);
    }

    @Test
    @Timeout(30)
    void shouldRejectALogonWithoutCredentials() throws Exception {
        final VenueTestClient client = fixture.client("FIX.4.4").start();
        client.logoutsReceived.take();
        assertEquals(0, client.logons.get());
    }
}

package io.rebalancer.venue;

import org.junit.jupiter.api.Test;
import quickfix.SessionSettings;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VenueBehaviourTest {
    @Test
    void shouldReadEveryCustomKeyOfTheDefaultSection() throws Exception {
        final VenueBehaviour b = VenueBehaviour.fromSettings(settings(String.join("\n",
            "[DEFAULT]",
            "VenuePartialFills=Y",
            "VenueFillAtLimit=Y",
            "VenueAckDelay=5ms",
            "VenueFillDelay=1s",
            "VenuePartialFillGap=2m",
            "VenueRejectProbability=0.25",
            "VenueAckless=Y",
            "VenueDuplicateProbability=0.5",
            "VenueDuplicatesPossDup=N",
            "VenueFillBeforeAck=Y",
            "VenueDisconnectEveryOrders=7",
            "VenueDisconnectProbability=0.01",
            "VenueMaxRest=30s",
            "VenueDayClose=20:00",
            "VenueSeed=99",
            "[SESSION]",
            "BeginString=FIX.4.4",
            "SenderCompID=VENUE",
            "TargetCompID=CLIENT")));
        assertEquals(new VenueBehaviour(true, true, TimeUnit.MILLISECONDS.toNanos(5), TimeUnit.SECONDS.toNanos(1),
            TimeUnit.MINUTES.toNanos(2), 0.25, true, 0.5, false, true, 7, 0.01, TimeUnit.SECONDS.toNanos(30),
            LocalTime.of(20, 0), 99), b);
    }

    @Test
    void shouldDefaultToAWellBehavedVenueWithoutKeys() throws Exception {
        final VenueBehaviour b = VenueBehaviour.fromSettings(settings("[DEFAULT]\nConnectionType=acceptor\n"));
        assertEquals(VenueBehaviour.DEFAULT, b);
        assertFalse(b.partialFills());
        assertFalse(b.fillAtLimit());
        assertTrue(b.duplicatesPossDup());
        assertEquals(0, b.maxRestNanos());
    }

    @Test
    void shouldNameTheKeyOfAnUnreadableValue() {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> VenueBehaviour.fromSettings(settings("[DEFAULT]\nVenueAckDelay=5 minutes\n")));
        assertTrue(error.getMessage().contains("VenueAckDelay"), error::getMessage);
        final IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
            () -> VenueBehaviour.fromSettings(settings("[DEFAULT]\nVenueRejectProbability=1.5\n")));
        assertTrue(range.getMessage().contains("reject probability"), range::getMessage);
    }

    @Test
    void shouldParseDurationsWithAUnit() {
        assertEquals(0, VenueBehaviour.parseDuration("x", "0"));
        assertEquals(250_000_000L, VenueBehaviour.parseDuration("x", "250ms"));
        assertEquals(TimeUnit.HOURS.toNanos(2), VenueBehaviour.parseDuration("x", "2h"));
        assertThrows(IllegalArgumentException.class, () -> VenueBehaviour.parseDuration("x", "ms"));
        assertThrows(IllegalArgumentException.class, () -> VenueBehaviour.parseDuration("x", "5"));
    }

    @Test
    void shouldKeepEveryValueThroughTheBuilder() {
        final VenueBehaviour b = new VenueBehaviour(true, true, 1, 2, 3, 0.1, true, 0.2, false, true, 4, 0.3, 5,
            LocalTime.NOON, 6);
        assertEquals(b, b.toBuilder().build());
    }

    private static SessionSettings settings(final String text) throws Exception {
        return new SessionSettings(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}

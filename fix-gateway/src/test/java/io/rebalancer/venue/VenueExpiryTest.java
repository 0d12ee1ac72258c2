package io.rebalancer.venue;

import io.rebalancer.engine.domain.Fixed;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.Message;
import quickfix.field.ExecType;
import quickfix.field.LeavesQty;
import quickfix.field.OrdStatus;
import quickfix.field.Side;
import quickfix.field.TimeInForce;

import java.time.Instant;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;

import static io.rebalancer.venue.VenueCancelReplaceTest.assertExecution;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Orders that cannot fill do not rest forever: a maximum rest (wall clock) and a DAY close (quote time). */
class VenueExpiryTest {
    private static final long BEFORE_CLOSE = nanos("2026-03-27T19:59:00Z");
    private static final long AFTER_CLOSE = nanos("2026-03-27T20:00:01Z");
    @AutoClose
    private VenueFixture fixture;

    @Test
    @Timeout(30)
    void shouldCancelAnOrderThatRestedUnfilledForTheMaximumRest() throws Exception {
        fixture = new VenueFixture(VenueBehaviour.builder().maxRestNanos(TimeUnit.MILLISECONDS.toNanos(200)).build());
        final VenueTestClient client = fixture.logOn();
        client.newOrder("1", Side.BUY, "SPY", 10, "99");
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        final Message canceled = client.next();
        assertExecution(canceled, ExecType.CANCELED, OrdStatus.CANCELED, "1");
        assertEquals("0", canceled.getString(LeavesQty.FIELD));
        // The venue counts after it sent the report: wait for the count rather than race it.
        VenueTestClient.await(() -> fixture.venue.counters().get(VenueCounters.REST_TIMEOUTS) == 1);
        assertEquals(1, fixture.venue.counters().get(VenueCounters.REST_TIMEOUTS));
    }

    @Test
    @Timeout(30)
    void shouldExpireDayOrdersWhenTheQuoteTimePassesTheCloseButKeepGoodTillCancel() throws Exception {
        fixture = new VenueFixture(VenueBehaviour.builder().dayClose(LocalTime.of(20, 0)).build());
        final VenueTestClient client = fixture.logOn();
        quote(BEFORE_CLOSE);
        client.newOrder("1", Side.BUY, "SPY", 10, "99", TimeInForce.DAY);
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        client.newOrder("2", Side.BUY, "SPY", 10, "99", TimeInForce.GOOD_TILL_CANCEL);
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "2");

        quote(AFTER_CLOSE);
        assertExecution(client.next(), ExecType.EXPIRED, OrdStatus.EXPIRED, "1");
        client.cancel("3", "2", Side.BUY, "SPY", 10);
        assertExecution(client.next(), ExecType.CANCELED, OrdStatus.CANCELED, "3");
        assertEquals(1, fixture.venue.counters().get(VenueCounters.EXPIRED));
    }

    @Test
    void shouldFindTheNextCloseStrictlyAfterATime() {
        final LocalTime close = LocalTime.of(20, 0);
        assertEquals(nanos("2026-03-27T20:00:00Z"), VenueAgent.nextClose(BEFORE_CLOSE, close));
        assertEquals(nanos("2026-03-28T20:00:00Z"), VenueAgent.nextClose(nanos("2026-03-27T20:00:00Z"), close));
        assertEquals(nanos("2026-03-28T20:00:00Z"), VenueAgent.nextClose(AFTER_CLOSE, close));
    }

    private void quote(final long timeNanos) {
        fixture.quotes.update(VenueFixture.SPY, Fixed.parse(VenueFixture.SPY_BID), Fixed.parse(VenueFixture.SPY_ASK),
            timeNanos);
    }

    private static long nanos(final String instant) {
        final Instant i = Instant.parse(instant);
        return TimeUnit.SECONDS.toNanos(i.getEpochSecond()) + i.getNano();
    }
}

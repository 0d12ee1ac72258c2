package io.rebalancer.venue;

import io.rebalancer.engine.domain.Fixed;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.Message;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.OrdStatus;
import quickfix.field.Side;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.rebalancer.venue.VenueCancelReplaceTest.assertExecution;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A venue that fills at the limit ignores the quotes: orders the touch would never fill (a buy under the ask, a sell
 * over the bid) fill at their own limit price, in parts and after the delays as configured.
 */
class VenueFillAtLimitTest {
    @AutoClose
    private VenueFixture fixture;

    @Test
    @Timeout(30)
    void shouldFillAnOrderTheTouchWouldNotFillAtItsLimitInTwoPartsAfterTheGap() throws Exception {
        fixture = new VenueFixture(VenueBehaviour.builder().fillAtLimit(true).partialFills(true)
            .partialGapNanos(TimeUnit.MILLISECONDS.toNanos(50)).build());
        final VenueTestClient client = fixture.logOn();
        client.newOrder("1", Side.BUY, "SPY", 10, "99");
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        final Message first = client.next();
        assertExecution(first, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, "1");
        assertEquals("5", first.getString(LastQty.FIELD));
        assertEquals("99", first.getString(LastPx.FIELD));
        assertEquals("5", first.getString(LeavesQty.FIELD));
        final Message second = client.next();
        assertExecution(second, ExecType.TRADE, OrdStatus.FILLED, "1");
        assertEquals("5", second.getString(LastQty.FIELD));
        assertEquals("99", second.getString(LastPx.FIELD));
        assertEquals(List.of(new VenueFill("1", "SPY", Side.BUY, 5, Fixed.parse("99")),
            new VenueFill("1", "SPY", Side.BUY, 5, Fixed.parse("99"))), fixture.venue.executedFills());
    }

    @Test
    @Timeout(30)
    void shouldFillASellAboveTheBidAtItsLimit() throws Exception {
        fixture = new VenueFixture(VenueBehaviour.builder().fillAtLimit(true).build());
        final VenueTestClient client = fixture.logOn();
        client.newOrder("1", Side.SELL, "TLT", 3, "51.25");
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        final Message fill = client.next();
        assertExecution(fill, ExecType.TRADE, OrdStatus.FILLED, "1");
        assertEquals("3", fill.getString(LastQty.FIELD));
        assertEquals("51.25", fill.getString(LastPx.FIELD));
        assertEquals(List.of(new VenueFill("1", "TLT", Side.SELL, 3, Fixed.parse("51.25"))),
            fixture.venue.executedFills());
    }
}

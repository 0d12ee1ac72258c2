package io.rebalancer.fix.md;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.fix.md.MarketDataLoop.Tick;
import io.rebalancer.marketdata.TickSink;
import io.rebalancer.marketdata.edge.TickFault;
import io.rebalancer.marketdata.synthetic.InstrumentModel;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.marketdata.synthetic.MarketModel;
import io.rebalancer.marketdata.synthetic.SyntheticMarket;
import io.rebalancer.venue.VenueMarketDataCounters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Objects;

import static io.rebalancer.fix.md.MarketDataLoop.SPY;
import static io.rebalancer.fix.md.MarketDataLoop.TLT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The venue simulator's market data and the daemon's FIX market-data client over real QuickFIX/J sessions on
 * loopback, the client's ticks through a real market-data edge into a real Disruptor ring.
 */
@Timeout(60)
class FixMarketDataSystemTest {
    /** 2023-11-14T22:13:20Z: an event time far from the wall clock's, as a simulated market's is. */
    private static final long T0 = 1_700_000_000_000_000_000L;

    @Test
    void shouldDeliverTheSnapshotFirstThenEachIncrementAsAWholeTickWithConsecutiveRptSeq() throws Exception {
        try (MarketDataLoop loop = new MarketDataLoop()) {
            publish(loop, Tick.of(T0, SPY, "100", "100.02", "100.01"), 1);
            publish(loop, Tick.of(T0 + 1, TLT, "50", "50.02", "50.01"), 1);
            final Tick spySnapshot = Tick.of(T0 + 2, SPY, "100.01", "100.03", "100.02");
            publish(loop, spySnapshot, 2);
            final FixMarketDataClient client = loop.startClient(List.of("SPY", "TLT"));
            loop.await("both snapshots in the engine", () -> loop.engineTicks.size() == 2);
            assertEquals(List.of(spySnapshot), loop.engineTicks(SPY), "the snapshot: the venue's current quote");
            assertEquals(List.of(Tick.of(T0 + 1, TLT, "50", "50.02", "50.01")), loop.engineTicks(TLT));
            assertEquals(2, client.lastSequence(SPY), "the snapshot's RptSeq: where the increments continue");

            final List<Tick> increments = List.of(
                Tick.of(T0 + 10, SPY, "100.02", "100.03", "100.02"),
                Tick.of(T0 + 11, SPY, "100.02", "100.04", "100.02"),
                Tick.of(T0 + 12, SPY, "100.02", "100.04", "100.03"),
                Tick.of(T0 + 13, SPY, "100.05", "100.07", "100.06"));
            for (final Tick tick : increments) {
                loop.quote(tick);
                loop.await("the engine to see " + tick, () -> tick.equals(loop.lastEngineTick(SPY)));
            }
            assertEquals(List.of(spySnapshot, increments.get(0), increments.get(1), increments.get(2),
                increments.get(3)), loop.engineTicks(SPY), "one side changed on the wire, the whole quote delivered");
            assertEquals(6, client.lastSequence(SPY));
            assertEquals(loop.venueMarketData().rptSeq(SPY), client.lastSequence(SPY));
            assertEquals(2, client.counters().get(MarketDataCounters.SNAPSHOTS));
            assertEquals(4, client.counters().get(MarketDataCounters.INCREMENTS));
            assertEquals(12, client.counters().get(MarketDataCounters.ENTRIES),
                "3 in each snapshot, then 1 for each one-sided change and 3 for the last");
            assertNoFaults(loop);
        }
    }

    @Test
    void shouldEndWithTheVenuesLastQuotesWhileASyntheticMarketRunsFlatOut() throws Exception {
        try (MarketDataLoop loop = new MarketDataLoop()) {
            final Tick[] published = new Tick[2];
            final TickSink tee = new TickSink() {
                @Override
                public void onTick(final long timeNanos, final int instrumentId, final long bid, final long ask,
                    final long last, final long size, final long sequence) {
                    published[instrumentId] = new Tick(timeNanos, instrumentId, bid, ask, last);
                    loop.venueMarketData().onTick(timeNanos, instrumentId, bid, ask, last, size, sequence);
                }

                @Override
                public void onUnknownSymbol(final long timeNanos, final CharSequence symbol) {
                    loop.venueMarketData().onUnknownSymbol(timeNanos, symbol);
                }
            };
            final SyntheticMarket market = new SyntheticMarket(new MarketModel(List.of(
                new InstrumentModel(SPY, Fixed.parse("400"), 10_000, 0.07, 0.18, 1),
                new InstrumentModel(TLT, Fixed.parse("90"), 10_000, 0.03, 0.12, 1)),
                new double[][] {{1, -0.3}, {-0.3, 1}}, 42, T0, 1_000_000), tee, new LatestQuotes(2));
            final FixMarketDataClient client = loop.startClient(List.of("SPY", "TLT"));
            loop.await("empty snapshots: the market has not quoted yet",
                () -> client.counters().get(MarketDataCounters.SNAPSHOTS) == 2);
            assertEquals(0, loop.engineTicks.size(), "an empty snapshot delivers nothing");

            market.run(20_000);
            for (final int id : new int[] {SPY, TLT}) {
                loop.await("the engine to reach the market's last quote of " + id, () -> {
                    final Tick seen = loop.lastEngineTick(id);
                    return seen != null && seen.bid() == published[id].bid() && seen.ask() == published[id].ask()
                        && seen.last() == published[id].last();
                });
                assertTrue(loop.lastEngineTick(id).time() <= published[id].time());
                assertEquals(loop.venueMarketData().rptSeq(id), client.lastSequence(id));
            }
            assertTrue(loop.venueMarketData().counters().get(VenueMarketDataCounters.UPDATES) > 0, loop::state);
            assertNoFaults(loop);
        }
    }

    @Test
    void shouldCountTheRejectOfASymbolTheVenueDoesNotListAndServeTheOthers() throws Exception {
        try (MarketDataLoop loop = new MarketDataLoop()) {
            publish(loop, Tick.of(T0, SPY, "100", "100.02", "100.01"), 1);
            final FixMarketDataClient client = loop.startClient(List.of("SPY", "TLT", "XYZ"));
            loop.await("the reject", () -> client.counters().get(MarketDataCounters.REJECTS) == 1);
            loop.await("the others' snapshots", () -> client.counters().get(MarketDataCounters.SNAPSHOTS) == 2);
            assertTrue(client.lastReject().contains("XYZ"), client.lastReject());
            assertTrue(client.lastReject().contains("MDReqRejReason 0"), client.lastReject());
            loop.await("SPY's snapshot in the engine", () -> loop.engineTicks(SPY).size() == 1);
            assertEquals(2, loop.venueMarketData().subscriptions());
            assertNoFaults(loop);
        }
    }

    @Test
    void shouldStopUpdatesOfAnUnsubscribedSymbol() throws Exception {
        try (MarketDataLoop loop = new MarketDataLoop()) {
            publish(loop, Tick.of(T0, SPY, "100", "100.02", "100.01"), 1);
            publish(loop, Tick.of(T0, TLT, "50", "50.02", "50.01"), 1);
            final FixMarketDataClient client = loop.startClient(List.of("SPY", "TLT"));
            loop.await("both snapshots in the engine", () -> loop.engineTicks.size() == 2);
            assertTrue(client.unsubscribe("TLT"));
            assertFalse(client.unsubscribe("TLT"), "already unsubscribed");
            loop.await("the venue to end the subscription", () -> loop.venueMarketData().subscriptions() == 1);

            // TLT moves and the venue numbers it; SPY moves after, so its increment is sent after anything of TLT.
            publish(loop, Tick.of(T0 + 1, TLT, "50.01", "50.03", "50.02"), 2);
            final Tick spy = Tick.of(T0 + 2, SPY, "100.01", "100.03", "100.02");
            loop.quote(spy);
            loop.await("SPY's increment", () -> spy.equals(loop.lastEngineTick(SPY)));
            assertEquals(1, loop.engineTicks(TLT).size(), "only TLT's snapshot");
            assertEquals(1, client.lastSequence(TLT));
            assertEquals(1, loop.venueMarketData().counters().get(VenueMarketDataCounters.UNSUBSCRIBES));
            assertNoFaults(loop);
        }
    }

    @Test
    void shouldSubscribeAgainAfterADroppedConnectionAndSeeNoFalseDuplicate() throws Exception {
        try (MarketDataLoop loop = new MarketDataLoop()) {
            publish(loop, Tick.of(T0, SPY, "100", "100.02", "100.01"), 1);
            final FixMarketDataClient client = loop.startClient(List.of("SPY"));
            final Tick before = Tick.of(T0 + 1, SPY, "100.01", "100.03", "100.02");
            loop.await("the snapshot", () -> loop.engineTicks.size() == 1);
            loop.quote(before);
            loop.await("an increment", () -> before.equals(loop.lastEngineTick(SPY)));

            // The venue drops the socket (its logout() would also disable the session for good).
            assertEquals(1, loop.venue.disconnect());
            loop.await("the drop", () -> client.counters().get(MarketDataCounters.DISCONNECTS) == 1);
            // While the client is away the market moves on: the new snapshot's RptSeq skips ahead.
            publish(loop, Tick.of(T0 + 2, SPY, "100.02", "100.04", "100.03"), 3);
            final Tick missed = Tick.of(T0 + 3, SPY, "100.03", "100.05", "100.04");
            publish(loop, missed, 4);
            loop.await("the logon after QuickFIX/J reconnects", () -> client.counters().get(
                MarketDataCounters.SNAPSHOTS) == 2);
            loop.await("the new snapshot in the engine", () -> missed.equals(loop.lastEngineTick(SPY)));
            final Tick after = Tick.of(T0 + 4, SPY, "100.04", "100.06", "100.05");
            loop.quote(after);
            loop.await("an increment after the reconnect", () -> after.equals(loop.lastEngineTick(SPY)));

            assertEquals(2, client.counters().get(MarketDataCounters.LOGONS));
            assertEquals(2, client.counters().get(MarketDataCounters.SUBSCRIBE_REQUESTS));
            assertEquals(5, client.lastSequence(SPY));
            assertNoFaults(loop);
        }
    }

    @Test
    void shouldResetTheSequenceWhenARestartedVenueNumbersAfresh() throws Exception {
        try (MarketDataLoop loop = new MarketDataLoop()) {
            for (int i = 0; i < 3; i++) {
                publish(loop, Tick.of(T0 + i, SPY, "100", i % 2 == 0 ? "100.02" : "100.03", "100.01"), i + 1);
            }
            final FixMarketDataClient client = loop.startClient(List.of("SPY"));
            loop.await("the snapshot", () -> client.lastSequence(SPY) == 3);

            loop.venue.close();
            loop.await("the drop", () -> client.counters().get(MarketDataCounters.DISCONNECTS) == 1);
            loop.startVenue();
            final Tick fresh = Tick.of(T0 + 10, SPY, "101", "101.02", "101.01");
            publish(loop, fresh, 1);
            loop.await("the restarted venue's snapshot in the engine", () -> fresh.equals(loop.lastEngineTick(SPY)));
            final Tick next = Tick.of(T0 + 11, SPY, "101.01", "101.02", "101.01");
            loop.quote(next);
            loop.await("its next increment", () -> next.equals(loop.lastEngineTick(SPY)));

            assertEquals(2, client.lastSequence(SPY), "numbered by the new venue");
            assertEquals(2, client.counters().get(MarketDataCounters.LOGONS));
            assertNoFaults(loop);
        }
    }

    @Test
    void shouldDeliverAnEntryWithoutPriceAsInvalidForTheEdgeToCountAndCarryOn() throws Exception {
        try (MarketDataLoop loop = new MarketDataLoop()) {
            publish(loop, Tick.of(T0, SPY, "100", "100.02", "100.01"), 1);
            final FixMarketDataClient client = loop.startClient(List.of("SPY"));
            loop.await("the snapshot", () -> loop.engineTicks.size() == 1);

            loop.venueMarketData().injectEntryWithoutPrice(SPY);
            loop.await("the edge to refuse it", () -> loop.faults(TickFault.NOT_A_NUMBER) == 1);
            assertEquals(1, client.counters().get(MarketDataCounters.MALFORMED_ENTRIES));
            assertEquals(2, client.lastSequence(SPY), "the bad update took its RptSeq");
            final Tick next = Tick.of(T0 + 1, SPY, "100.01", "100.02", "100.01");
            loop.quote(next);
            loop.await("the next update, whole", () -> next.equals(loop.lastEngineTick(SPY)));

            assertEquals(2, loop.engineTicks(SPY).size(), "the invalid tick never reached the engine");
            assertTrue(client.isLoggedOn());
            assertEquals(1, client.counters().get(MarketDataCounters.LOGONS));
            assertEquals(1, loop.edge.faults().refused());
            assertEquals(0, loop.faults(TickFault.GAP));
            assertEquals(0, loop.faults(TickFault.DUPLICATE));
        }
    }

    @Test
    void shouldServeAndReadMarketDataOverFix42() throws Exception {
        try (MarketDataLoop loop = new MarketDataLoop("FIX.4.2")) {
            final Tick snapshot = Tick.of(T0, TLT, "50", "50.02", "50.01");
            publish(loop, snapshot, 1);
            final FixMarketDataClient client = loop.startClient(List.of("TLT"));
            loop.await("the snapshot", () -> snapshot.equals(loop.lastEngineTick(TLT)));
            final Tick next = Tick.of(T0 + 1, TLT, "50.01", "50.02", "50.01");
            loop.quote(next);
            loop.await("an increment", () -> next.equals(loop.lastEngineTick(TLT)));
            assertEquals(2, client.lastSequence(TLT));
            assertNoFaults(loop);
        }
    }

    /** The market quotes; waits until the venue has numbered it {@code rptSeq}, so no two quotes conflate. */
    private static void publish(final MarketDataLoop loop, final Tick tick, final long rptSeq)
        throws InterruptedException {
        loop.quote(tick);
        loop.await("the venue to number " + tick, () -> loop.venueMarketData().rptSeq(tick.instrument()) == rptSeq);
    }

    private static void assertNoFaults(final MarketDataLoop loop) {
        assertEquals(0, loop.edge.faults().refused(), loop::state);
        assertEquals(0, loop.faults(TickFault.GAP), loop::state);
        assertEquals(0, loop.client.counters().get(MarketDataCounters.MALFORMED_ENTRIES), loop::state);
        assertEquals(0, loop.client.counters().get(MarketDataCounters.SESSION_REJECTS), loop::state);
        assertTrue(loop.engineFaults.isEmpty(), loop::state);
        assertTrue(Objects.nonNull(loop.client));
    }
}

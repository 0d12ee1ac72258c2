package io.rebalancer.marketdata.recorded;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.FeedRunner;
import io.rebalancer.marketdata.TickSink;
import io.rebalancer.marketdata.edge.EdgeSettings;
import io.rebalancer.marketdata.edge.MarketDataEdge;
import io.rebalancer.marketdata.edge.TickFault;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.marketdata.synthetic.SyntheticMarket;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.rebalancer.marketdata.recorded.Recordings.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Record, then replay: the same calls, in the same order, with the same fields, and the edge's same verdicts. */
@Timeout(60)
class RecordedFeedTest {
    private static final InstrumentUniverse ABCD = Recordings.universe("AAA", "BBB", "CCC", "DDD");

    @TempDir
    Path dir;

    @Test
    void shouldReplayASyntheticMarketExactlyAsRecorded() {
        final CallLog passedOn = new CallLog();
        try (FeedRecorder recorder = FeedRecorder.open(dir, ABCD, "synthetic, seed 7", passedOn)) {
            new SyntheticMarket(Recordings.market(4, 7, SECOND), recorder, new LatestQuotes(4)).run(20_000);
            assertEquals(20_000, recorder.recorded());
        }
        final CallLog replayed = new CallLog();
        try (RecordedFeed feed = RecordedFeed.open(dir, ABCD, 0)) {
            assertEquals(20_000, Recordings.replayAll(feed, replayed));
            assertEquals(20_000, feed.replayed());
            assertNull(feed.problems());
            assertEquals(0, feed.poll(replayed, 100), "a finished feed delivers nothing more");
        }
        assertEquals(20_000, passedOn.calls().size());
        assertEquals(passedOn.calls(), replayed.calls());
    }

    @Test
    void shouldReplayBadTicksAndUnknownSymbolsExactlyAsRecorded() {
        final CallLog source = new CallLog();
        Recordings.handMade(source);
        final CallLog passedOn = new CallLog();
        try (FeedRecorder recorder = FeedRecorder.open(dir, ABCD, "hand-made", passedOn)) {
            source.replayInto(recorder);
        }
        final CallLog replayed = new CallLog();
        try (RecordedFeed feed = RecordedFeed.open(dir, ABCD, 0)) {
            Recordings.replayAll(feed, replayed);
            assertNull(feed.problems());
        }
        assertEquals(source.calls(), passedOn.calls(), "the recorder passes every call on unchanged");
        assertEquals(source.calls(), replayed.calls());
    }

    @Test
    void shouldGiveTheEdgeTheSameVerdictsOnReplay() {
        final MarketDataEdge live = edge();
        try (FeedRecorder recorder = FeedRecorder.open(dir, ABCD, "hand-made and synthetic", live)) {
            Recordings.handMade(recorder);
            new SyntheticMarket(Recordings.market(4, 3, SECOND), recorder, new LatestQuotes(4)).run(5_000);
        }
        final MarketDataEdge replayed = edge();
        try (RecordedFeed feed = RecordedFeed.open(dir, ABCD, 0)) {
            FeedRunner.run(feed, replayed, () -> false);
        }
        int kinds = 0;
        for (final TickFault kind : TickFault.values()) {
            assertEquals(live.faults().count(kind), replayed.faults().count(kind), kind.name());
            kinds += live.faults().count(kind) > 0 ? 1 : 0;
        }
        assertEquals(TickFault.values().length, kinds, "the recording holds every kind of fault");
        assertEquals(live.received(), replayed.received());
        assertEquals(live.accepted(), replayed.accepted());
        assertEquals(live.published(), replayed.published());
        assertEquals(live.jumpsConfirmed(), replayed.jumpsConfirmed());
        assertEquals(live.jumpsDiscarded(), replayed.jumpsDiscarded());
    }

    /** A ring with no consumer never fills: every tick the edge accepts goes straight in. */
    private static MarketDataEdge edge() {
        final RingBuffer<InboundEvent> ring = RingBuffer.createMultiProducer(InboundEvent::new, 1024);
        return new MarketDataEdge(ABCD.size(), EdgeSettings.defaults(1024), new InboundPublisher(ring), null);
    }

    @Test
    void shouldMapInstrumentsBySymbolUnderAnotherConfiguration() {
        final CallLog recorded = new CallLog();
        try (FeedRecorder recorder = FeedRecorder.open(dir, ABCD, "hand-made and synthetic", recorded)) {
            Recordings.handMade(recorder);
            new SyntheticMarket(Recordings.market(4, 5, SECOND), recorder, new LatestQuotes(4)).run(1_000);
        }
        final InstrumentUniverse now = Recordings.universe("DDD", "BBB", "AAA");
        final CallLog replayed = new CallLog();
        try (RecordedFeed feed = RecordedFeed.open(dir, now, 0)) {
            Recordings.replayAll(feed, replayed);
        }
        final List<CallLog.Call> expected = new ArrayList<>();
        for (final CallLog.Call call : recorded.calls()) {
            expected.add(mapped(call, now));
        }
        assertEquals(expected, replayed.calls());
        assertTrue(replayed.calls().stream().anyMatch(call -> "CCC".equals(call.symbol())), "CCC is unknown now");
        assertTrue(replayed.calls().stream().anyMatch(call -> call.isTick() && call.instrument() == 0
            && call.bid() == Recordings.price(10.00)), "DDD's ticks are id 0 now");
    }

    /** What a call recorded under ABCD must become under {@code now}: by symbol, unknown ids stay unknown. */
    private static CallLog.Call mapped(final CallLog.Call call, final InstrumentUniverse now) {
        if (call.symbol() == CallLog.Call.RESET) {
            // Every reset of the hand-made feed is of a symbol both configurations know.
            return CallLog.Call.reset(now.idOf(ABCD.get(call.instrument()).symbol()));
        }
        if (!call.isTick()) {
            return call;
        }
        final int id = call.instrument();
        final int mappedId;
        if (ABCD.isValidId(id)) {
            final String symbol = ABCD.get(id).symbol();
            if (now.idOf(symbol) < 0) {
                return CallLog.Call.unknown(call.time(), symbol);
            }
            mappedId = now.idOf(symbol);
        } else {
            mappedId = now.isValidId(id) ? TickSink.UNKNOWN_INSTRUMENT : id;
        }
        return CallLog.Call.tick(call.time(), mappedId, call.bid(), call.ask(), call.last(), call.size(),
            call.sequence());
    }

    @Test
    void shouldReplayARecordingThatRolledToTheNextDaysFile() throws IOException {
        final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-03-27T23:59:59Z"));
        final CallLog passedOn = new CallLog();
        try (FeedRecorder recorder = FeedRecorder.open(dir, ABCD, "over midnight", passedOn, clock)) {
            final SyntheticMarket market = new SyntheticMarket(Recordings.market(4, 9, SECOND), recorder,
                new LatestQuotes(4));
            market.run(1_000);
            clock.advanceMillis(TimeUnit.DAYS.toMillis(1));
            market.run(1_000);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.filter(file -> file.toString().endsWith(".cq4")).count(), "a file per day");
        }
        final CallLog replayed = new CallLog();
        try (RecordedFeed feed = RecordedFeed.open(dir, ABCD, 0)) {
            Recordings.replayAll(feed, replayed);
            assertNull(feed.problems());
        }
        assertEquals(passedOn.calls(), replayed.calls());
    }

    @Test
    void shouldPassALongSymbolOnWholeButRecordItCut() {
        final String symbol = "S".repeat(RecordingFormat.MAX_SYMBOL_CHARS) + "-and-the-rest";
        final CallLog passedOn = new CallLog();
        try (FeedRecorder recorder = FeedRecorder.open(dir, ABCD, "a garbled symbol", passedOn)) {
            recorder.onUnknownSymbol(Recordings.START, symbol);
        }
        final CallLog replayed = new CallLog();
        try (RecordedFeed feed = RecordedFeed.open(dir, ABCD, 0)) {
            Recordings.replayAll(feed, replayed);
        }
        assertEquals(List.of(CallLog.Call.unknown(Recordings.START, symbol)), passedOn.calls());
        assertEquals(List.of(CallLog.Call.unknown(Recordings.START, symbol.substring(0,
            RecordingFormat.MAX_SYMBOL_CHARS))), replayed.calls());
    }

    @Test
    void shouldDescribeTheFolderWhatWasRecordedAndTheSpeed() {
        try (FeedRecorder recorder = FeedRecorder.open(dir, ABCD, "synthetic 4 instruments", new CallLog())) {
            recorder.onTick(Recordings.START, 0, 1, 2, 0, 0, 1);
        }
        try (RecordedFeed full = RecordedFeed.open(dir, ABCD, 0); RecordedFeed paced = RecordedFeed.open(dir, ABCD,
            60); RecordedFeed slow = RecordedFeed.open(dir, ABCD, 0.5)) {
            assertEquals("recording " + dir.toAbsolutePath() + " (synthetic 4 instruments) at full speed",
                full.describe());
            assertTrue(paced.describe().endsWith(" at 60x"), paced.describe());
            assertTrue(slow.describe().endsWith(" at 0.5x"), slow.describe());
        }
    }

    @Test
    void shouldHoldBackATickThatIsNotDueYet() {
        try (FeedRecorder recorder = FeedRecorder.open(dir, ABCD, "an hour apart", new CallLog())) {
            recorder.onTick(Recordings.START, 0, 1, 2, 0, 0, 1);
            recorder.onTick(Recordings.START + 3_600 * SECOND, 0, 1, 2, 0, 0, 2);
        }
        final CallLog replayed = new CallLog();
        try (RecordedFeed feed = RecordedFeed.open(dir, ABCD, 1)) {
            assertEquals(1, feed.poll(replayed, 100), "the first tick is due at once");
            assertEquals(0, feed.poll(replayed, 100), "the next is due in an hour of real time");
            assertFalse(feed.finished());
        }
        assertEquals(1, replayed.calls().size());
    }

    @Test
    void shouldRecordAnyFeedSourceForACountOrToItsEnd() {
        final Path original = dir.resolve("original");
        try (FeedRecorder recorder = FeedRecorder.open(original, ABCD, "hand-made", new CallLog())) {
            Recordings.handMade(recorder);
        }
        final CallLog expected = new CallLog();
        try (RecordedFeed feed = RecordedFeed.open(original, ABCD, 0)) {
            Recordings.replayAll(feed, expected);
        }
        try (RecordedFeed feed = RecordedFeed.open(original, ABCD, 0)) {
            assertEquals(5, FeedRecorder.recordSource(feed, ABCD, dir.resolve("first5"), 5));
        }
        try (RecordedFeed feed = RecordedFeed.open(original, ABCD, 0)) {
            assertEquals(expected.calls().size(), FeedRecorder.recordSource(feed, ABCD, dir.resolve("all"),
                FeedRecorder.TO_THE_END));
        }
        final CallLog first5 = new CallLog();
        final CallLog all = new CallLog();
        try (RecordedFeed feed = RecordedFeed.open(dir.resolve("first5"), ABCD, 0);
            RecordedFeed copy = RecordedFeed.open(dir.resolve("all"), ABCD, 0)) {
            Recordings.replayAll(feed, first5);
            Recordings.replayAll(copy, all);
            assertTrue(copy.describe().contains("(recording " + original.toAbsolutePath() + " (hand-made) at full"
                + " speed)"), copy.describe());
        }
        assertEquals(expected.calls().subList(0, 5), first5.calls());
        assertEquals(expected.calls(), all.calls());
    }

    @Test
    void shouldRefuseToRecordOverARecording() {
        try (FeedRecorder recorder = FeedRecorder.open(dir, ABCD, "first", new CallLog())) {
            recorder.onUnknownSymbol(Recordings.START, "XYZ");
        }
        final RecordingException refused = assertThrows(RecordingException.class,
            () -> FeedRecorder.open(dir, ABCD, "second", new CallLog()));
        assertTrue(refused.getMessage().contains(dir.toAbsolutePath() + " holds a recording already"),
            refused.getMessage());
    }
}

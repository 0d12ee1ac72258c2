package io.rebalancer.benchmarks.harness;

import io.rebalancer.engine.domain.WaitStrategyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's end-to-end scenarios run for a moment and measure what they say: every measured tick is handled and
 * timed once, causing moments are answered by orders and timed, the orders reach the venue over FIX, the figures are
 * positive, and closing leaves no thread, socket or journal behind. Timings are never asserted: this box's are noise.
 */
class EngineLatencySmokeTest {
    private static final double RATE = 5_000;
    private static final long WARMUP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long MEASURE_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    /** Ticks the measurement offers: 300 ms at 5,000 a second. */
    private static final long MEASURED_TICKS = 1_500;
    /** Causing moments the engine scenario offers in the measurement: one in ten ticks at this rate. */
    private static final long MOMENTS = MEASURED_TICKS
        / RebalancingLoad.ticksPerCause(RATE, EngineIntentLatency.MAX_CAUSES_PER_SECOND);
    /** The venue scenario's: one in twenty ticks at this rate, so that no more than 500 orders a second cross FIX. */
    private static final long VENUE_MOMENTS = MEASURED_TICKS
        / RebalancingLoad.ticksPerCause(RATE, VenueOrderLatency.MAX_CAUSES_PER_SECOND);
    /**
     * Daemon threads the libraries start once per JVM and keep, however many queues or sessions come and go:
     * Chronicle's resource releaser and disk-space checker (and the JDK's process reaper it wakes), QuickFIX/J's
     * static session timer. Anything else a scenario leaves running is a leak.
     */
    private static final Set<String> JVM_WIDE = Set.of("background~resource~releaser", "main/disk~space~checker",
        "process reaper", "QFJ Timer");

    @ParameterizedTest(name = "journal {0}")
    @ValueSource(booleans = {false, true})
    @Timeout(60)
    void shouldTimeEveryTickAndTheOrdersItsMomentsCause(final boolean journal) {
        final Set<String> threadsBefore = threadNames();
        final Path journalFolder;
        final List<ScenarioResult> results;
        final EngineRig.Run run;
        try (EngineIntentLatency scenario = new EngineIntentLatency(WaitStrategyKind.YIELDING, journal)) {
            journalFolder = scenario.journalFolder();
            results = scenario.measureAll(RATE, WARMUP_NANOS, MEASURE_NANOS);
            run = scenario.lastRun();
            assertEquals(journal, journalFolder != null && Files.isDirectory(journalFolder), "journal folder");
        }
        final ScenarioResult intent = results.get(0);
        final ScenarioResult handled = results.get(1);
        assertEquals("tick-to-intent" + (journal ? "-journal" : "") + "-5k", intent.key());
        assertEquals(EngineIntentLatency.HANDLED_NAME, handled.name());
        assertEquals(MEASURED_TICKS, handled.count(), "every measured tick handled and timed once");
        assertMeasured(intent, MOMENTS);
        assertMeasured(handled, MEASURED_TICKS);
        assertMomentsAddUp(run, intent, MOMENTS);
        assertNothingLeft(threadsBefore, journalFolder);
    }

    @Test
    @Timeout(60)
    void shouldTimeTheOrdersArrivingAtTheVenueOverFix() throws IOException {
        final Set<String> threadsBefore = threadNames();
        final Path journalFolder;
        final int port;
        final List<ScenarioResult> results;
        final EngineRig.Run run;
        try (VenueOrderLatency scenario = new VenueOrderLatency(WaitStrategyKind.YIELDING, true)) {
            journalFolder = scenario.journalFolder();
            port = scenario.port();
            assertNotNull(journalFolder);
            results = scenario.measureAll(RATE, WARMUP_NANOS, MEASURE_NANOS);
            run = scenario.lastRun();
        }
        final ScenarioResult atVenue = results.get(0);
        final ScenarioResult atGateway = results.get(1);
        assertEquals("tick-to-venue-journal-5k", atVenue.key());
        assertEquals(VenueOrderLatency.GATEWAY_NAME, atGateway.name());
        assertMeasured(atGateway, VENUE_MOMENTS);
        assertMomentsAddUp(run, atGateway, VENUE_MOMENTS);
        assertEquals(atGateway.count(), atVenue.count(), "every timed order arrived at the venue: " + atVenue.note());
        assertMeasured(atVenue, VENUE_MOMENTS);
        assertTrue(atVenue.percentile(50) >= atGateway.percentile(50) / 2, "the venue is further than the gateway");
        assertNothingLeft(threadsBefore, journalFolder);
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertTrue(again.isBound(), "the venue's port is free again");
        }
    }

    /** Every measured moment was offered (or skipped, no pair settled) and ended answered, unanswered or merged. */
    private static void assertMomentsAddUp(final EngineRig.Run run, final ScenarioResult timed, final long moments) {
        final ProbeWindow w = run.window();
        assertEquals(MEASURED_TICKS, run.offeredTicks());
        assertEquals(moments, w.causes + run.skipped(), "moments offered");
        assertEquals(w.causes, w.answered + w.unanswered + w.merged, "every moment accounted for");
        assertEquals(w.answered, timed.count(), "one value per answered moment");
        assertTrue(w.orders() >= 2 * w.answered, "a pair's two orders per answered moment");
    }

    private static void assertMeasured(final ScenarioResult result, final long atMost) {
        assertTrue(result.count() > 0 && result.count() <= atMost, result.key() + ": " + result.count() + " values");
        assertTrue(result.percentile(50) > 0, result.key() + " p50");
        assertTrue(result.histogram().getMaxValue() >= result.percentile(99), result.key() + " max");
        assertTrue(result.achievedPerSecond() > 0, result.key() + " rate");
        assertTrue(result.allocatedBytesPerEvent() >= 0, result.key() + " allocation measured");
        assertTrue(result.gcCount() >= 0, result.key() + " collections");
        assertFalse(result.note().isEmpty(), result.key() + " note");
    }

    private static void assertNothingLeft(final Set<String> threadsBefore, final Path journalFolder) {
        final Set<String> left = threadNames();
        left.removeAll(threadsBefore);
        left.removeAll(JVM_WIDE);
        assertEquals(Set.of(), left, "threads left running");
        if (journalFolder != null) {
            assertFalse(Files.exists(journalFolder), "journal folder deleted");
        }
    }

    /** Names of the live threads, numbers stripped (pool threads come and go under new numbers). */
    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
            .map(thread -> thread.getName().replaceAll("[0-9]+", "#")).collect(Collectors.toSet());
    }
}

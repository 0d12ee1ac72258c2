package io.rebalancer.benchmarks.harness;

import io.rebalancer.engine.domain.WaitStrategyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each floor for a moment, so the harness cannot rot: events measured, counts that add up, sane percentiles, and
 * nothing left behind (threads, the port, the queue's files). Never a timing: this box is shared and noisy.
 */
final class FloorsSmokeTest {
    private static final long WARMUP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long MEASURE_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    /**
     * Threads the libraries start once per JVM and keep (QuickFIX/J's session timer, Chronicle's resource releaser
     * and disk-space checker, the JDK's process reaper): not the floor's to stop.
     */
    private static final Set<String> PROCESS_WIDE = Set.of("QFJ Timer", "background~resource~releaser",
        "main/disk~space~checker", "process reaper");

    @Test
    @Timeout(60)
    void shouldMeasureEveryDisruptorHopAndStopTheConsumer() {
        final Set<Thread> before = liveThreads();
        final ScenarioResult result;
        final Thread consumer;
        try (DisruptorHopFloor floor = new DisruptorHopFloor(WaitStrategyKind.YIELDING)) {
            consumer = floor.consumerThread();
            assertTrue(consumer.isAlive());
            result = floor.measure(10_000, WARMUP_NANOS, MEASURE_NANOS);
        }
        assertMeasured(result, DisruptorHopFloor.NAME, 10_000);
        assertFalse(consumer.isAlive());
        assertNothingLeftRunning(before);
    }

    @Test
    @Timeout(60)
    void shouldMeasureEveryChronicleAppendAndDeleteTheQueue(@TempDir final Path parent) throws IOException {
        final Set<Thread> before = liveThreads();
        final ScenarioResult result;
        final Path queue;
        try (ChronicleAppendFloor floor = new ChronicleAppendFloor(parent)) {
            queue = floor.directory();
            result = floor.measure(10_000, WARMUP_NANOS, MEASURE_NANOS);
            try (Stream<Path> files = Files.list(queue)) {
                assertTrue(files.anyMatch(file -> file.toString().endsWith(".cq4")), "a queue file in " + queue);
            }
        }
        assertMeasured(result, ChronicleAppendFloor.NAME, 10_000);
        assertFalse(Files.exists(queue), queue + " deleted");
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(), left.collect(Collectors.toList()));
        }
        assertNothingLeftRunning(before);
    }

    @Test
    @Timeout(60)
    void shouldMeasureEveryOrderOneWayAndRoundTripAndReleaseThePort() throws IOException {
        final Set<Thread> before = liveThreads();
        final List<ScenarioResult> results;
        final int port;
        try (QuickFixFloor floor = new QuickFixFloor()) {
            port = floor.port();
            results = floor.measureBoth(1_000, WARMUP_NANOS, MEASURE_NANOS);
        }
        assertEquals(2, results.size());
        final ScenarioResult oneWay = results.get(0);
        final ScenarioResult roundTrip = results.get(1);
        assertMeasured(oneWay, QuickFixFloor.ONE_WAY, 1_000);
        assertMeasured(roundTrip, QuickFixFloor.ROUND_TRIP, 1_000);
        assertEquals(oneWay.count(), roundTrip.count(), "every order answered");
        // Each order's round trip contains its one-way trip, so every order statistic does too.
        assertTrue(roundTrip.percentile(50) >= oneWay.percentile(50), "round trip p50 >= one-way p50");
        assertTrue(roundTrip.histogram().getMaxValue() >= oneWay.histogram().getMaxValue(), "max");
        assertNothingLeftRunning(before);
        new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
    }

    private static void assertMeasured(final ScenarioResult result, final String name, final double rate) {
        assertEquals(name, result.name());
        assertFalse(result.journal());
        assertEquals(rate, result.offeredPerSecond());
        final long offered = (long)Math.ceil(rate * MEASURE_NANOS / 1e9);
        assertTrue(result.count() > 0 && result.count() <= offered,
            result.count() + " events measured of " + offered + " offered");
        assertTrue(result.achievedPerSecond() > 0, "achieved " + result.achievedPerSecond());
        assertTrue(result.percentile(50) > 0, "p50 " + result.percentile(50));
        assertTrue(result.percentile(50) <= result.percentile(99)
            && result.percentile(99) <= result.histogram().getMaxValue(), "percentiles in order");
        assertTrue(result.allocatedBytesPerEvent() >= 0, "allocation measured: " + result.allocatedBytesPerEvent());
        assertTrue(result.gcCount() >= 0);
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /** Threads started since {@code before} and still alive, process-wide singletons aside, given a moment to end. */
    private static void assertNothingLeftRunning(final Set<Thread> before) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Set<String> left;
        do {
            left = liveThreads().stream().filter(thread -> !before.contains(thread))
                .map(Thread::getName).filter(name -> !PROCESS_WIDE.contains(name)).collect(Collectors.toSet());
        } while (!left.isEmpty() && System.nanoTime() - deadline < 0 && pause());
        assertEquals(Set.of(), left, "threads left running");
    }

    private static boolean pause() {
        try {
            Thread.sleep(20);
            return true;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

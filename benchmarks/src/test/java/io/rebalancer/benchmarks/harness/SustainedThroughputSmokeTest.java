package io.rebalancer.benchmarks.harness;

import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.pipeline.EngineTopology;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the sustained-throughput measurement for a moment so it cannot rot: it runs, its counts add up, and it leaves
 * nothing behind (journals, engine threads). The pipeline itself checks, after every trial, that the engine booked
 * and journaled every tick published and refused none, rebalanced nothing and sent no order. Never asserts a rate.
 */
class SustainedThroughputSmokeTest {
    private static final long MOMENT = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long TINY_TRIAL = TimeUnit.MILLISECONDS.toNanos(30);

    @Test
    void shouldMeasureTheUnthrottledRateWithTheJournalAndDeleteIt() {
        final Set<Thread> enginesBefore = engineThreads();
        final Path journals;
        final SustainedThroughput.Result result;
        try (SustainedThroughput run = SustainedThroughput.open(3, 10, 20, true, WaitStrategyKind.YIELDING)) {
            journals = run.journalRoot();
            result = run.unthrottled(MOMENT);
            assertEquals(List.of(result), run.trials());
        }
        assertTrue(result.journal());
        assertEquals(0, result.offeredPerSecond());
        assertFalse(result.held());
        assertTrue(result.ticks() > 0, result::describe);
        assertEquals(result.ticks() / result.seconds(), result.achievedPerSecond(), 1e-6 * result.achievedPerSecond());
        // A tick is a 64-byte record; Chronicle adds a header per batch and its index.
        assertTrue(result.journalBytesPerTick() >= 64 && result.journalBytesPerTick() < 128, result::describe);
        assertTrue(result.journalMegabytesPerSecond() > 0, result::describe);
        assertTrue(result.allocatedBytesPerTick() >= 0, result::describe);
        assertTrue(result.json().startsWith("{\"name\": \"sustained-3x10-journal\", \"journal\": true,"),
            result::json);
        assertFalse(Files.exists(journals), journals + " left behind");
        assertEquals(enginesBefore, engineThreads());
    }

    @Test
    void shouldSearchForAHeldRateWithoutTheJournal() {
        final Set<Thread> enginesBefore = engineThreads();
        try (SustainedThroughput run = SustainedThroughput.open(1, 10, 10, false, WaitStrategyKind.YIELDING)) {
            final SustainedThroughput.Result found = run.find(TINY_TRIAL, 2 * TINY_TRIAL);
            final List<SustainedThroughput.Result> trials = run.trials();
            assertTrue(trials.size() >= 2, "an unthrottled trial, then at least one at a rate");
            assertEquals(0, trials.get(0).offeredPerSecond());
            assertTrue(found.offeredPerSecond() > 0, found::describe);
            assertEquals(found.held(), found.limit() == SustainedThroughput.Limit.OFFERED_RATE, found::describe);
            assertTrue(found.note().contains("search: unthrottled"), found::note);
            for (final SustainedThroughput.Result trial : trials) {
                assertTrue(trial.ticks() > 0, trial::describe);
                assertEquals(0, trial.journalBytesPerTick());
                assertFalse(trial.journal());
            }
        }
        assertEquals(enginesBefore, engineThreads());
    }

    private static Set<Thread> engineThreads() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.isAlive() && EngineTopology.ENGINE_THREAD_NAME.equals(thread.getName()))
            .collect(Collectors.toSet());
    }
}

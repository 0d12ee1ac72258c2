package io.rebalancer.engine.journaling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayTest {
    @TempDir
    Path dir;

    @Test
    void shouldReplayARecordedRunToTheSameDecisions() {
        final long inputs;
        try (JournalledEngine run = new JournalledEngine(dir, 42)) {
            run.run(3_000);
            inputs = run.inputs();
            assertTrue(run.engine.counters().get(io.rebalancer.engine.core.EngineCounters.ORDERS_SENT) > 20,
                "the run must trade for the replay to mean something");
        }
        final Replay.Outcome outcome = Replay.run(dir.resolve("journal"), null);
        assertNull(outcome.difference(), () -> String.valueOf(outcome.difference()));
        assertEquals(inputs, outcome.inputs());
        assertTrue(outcome.decisions() > 100, outcome.decisions() + " decisions compared");
        assertNull(outcome.read().firstDamage());
        assertTrue(outcome.identical());
    }

    @Test
    void shouldReportTheFirstDifferenceWhenAParameterChanged() throws IOException {
        try (JournalledEngine run = new JournalledEngine(dir, 7)) {
            run.run(2_000);
        }
        final Path changed = dir.resolve("config");
        final Path portfolio = changed.resolve("portfolios/balanced-60-40.conf");
        Files.writeString(portfolio, Files.readString(portfolio).replace("absolute = 5", "absolute = 2"));

        final Replay.Outcome outcome = Replay.run(dir.resolve("journal"), changed);

        assertNotNull(outcome.difference(), "a narrower band must change the decisions");
        final String report = outcome.difference().toString();
        assertTrue(report.contains("journal:") && report.contains("replay:") && report.contains("input:"), report);
    }
}

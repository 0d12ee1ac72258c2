package io.rebalancer.benchmarks.suite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite's latency and sustained parts end to end for a moment, as {@code java -jar benchmarks.jar smoke} runs
 * them: every scenario measured, its histogram log and the JSON written, the tables and the ratios to the floors
 * printed. Checks what was written, never a figure.
 */
final class SuiteRunSmokeTest {
    @TempDir
    Path out;

    @Test
    void latencyPartWritesEveryScenarioTheRatiosAndTheLogs() throws Exception {
        final String summary = new SuiteRun(SuiteMode.SMOKE, "latency", ".*", out).run(quiet());

        for (final String scenario : new String[] {"floor-disruptor-hop", "floor-chronicle-append",
            "floor-quickfix-one-way", "floor-quickfix-round-trip", "tick-to-intent", "tick-handled", "tick-to-venue",
            "tick-to-gateway"}) {
            assertTrue(summary.contains("| " + scenario + " "), () -> scenario + " missing from\n" + summary);
        }
        assertTrue(summary.contains("tick-to-intent ÷ Disruptor hop"), summary);
        assertTrue(summary.contains("tick-to-venue ÷ (hop + QuickFIX/J one-way"), summary);
        final String json = Files.readString(out.resolve("latency.json"));
        assertEquals(12, count(json, "\"scenario\""), json);
        assertEquals(12, logs());
        assertEquals(summary, Files.readString(out.resolve("summary.md")));
    }

    @Test
    void sustainedPartWritesBothBooks() throws Exception {
        final String summary = new SuiteRun(SuiteMode.SMOKE, "sustained", ".*", out).run(quiet());

        for (final String book : new String[] {"sustained-1x100-journal", "sustained-1x100 ",
            "sustained-1000x40-journal", "sustained-1000x40 "}) {
            assertTrue(summary.contains("| " + book), () -> book + " missing from\n" + summary);
        }
        assertEquals(4, count(Files.readString(out.resolve("sustained.json")), "\"name\""));
        assertTrue(Files.size(out.resolve("sustained-trials.txt")) > 0);
    }

    @Test
    void unknownPartIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SuiteRun(SuiteMode.SMOKE, "jhm", ".*", out));
    }

    private long logs() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".hlog")).count();
        }
    }

    private static int count(final String text, final String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}

package io.rebalancer.daemon;

import io.rebalancer.engine.journaling.JournalReader;
import io.rebalancer.engine.journaling.JournalRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal reader as a person meets it, on the journal of {@link JournalFixture}: the event log and its filters,
 * one order's story, the chain's verdict on clean and damaged journals, and clear errors.
 */
@Timeout(60)
class JournalToolTest {
    private static final String VERDICT_OK = "chain OK: ";

    @TempDir
    Path dir;

    private JournalFixture fixture;
    private String journal;
    private final ToolConsole console = new ToolConsole(JournalTool::run);

    @BeforeEach
    void writeJournal() {
        fixture = new JournalFixture(dir).write();
        journal = fixture.journalDir.toString();
    }

    private int run(final String... args) {
        return console.run(args);
    }

    private List<String> lines() {
        return console.lines();
    }

    /** The printed records: every line but the verdict. */
    private List<String> records() {
        final List<String> lines = lines();
        return lines.subList(0, lines.size() - 1);
    }

    private String last() {
        final List<String> lines = lines();
        return lines.get(lines.size() - 1);
    }

    private String err() {
        return console.err();
    }

    /** A record line's type: its third column (after the input sequence and the time). */
    private static String type(final String line) {
        return line.trim().split("\\s+")[2];
    }

    @Test
    void shouldPrintEveryRecordOnALineNamedFromTheJournalsConfigurationThenTheVerdict() {
        final long[] counted = new long[2];
        try (JournalReader reader = JournalReader.open(fixture.journalDir)) {
            final JournalReader.Outcome outcome = reader.readAll((buffer, at, document) -> true);
            counted[0] = outcome.records();
            counted[1] = outcome.documents();
        }

        assertEquals(RebalancerDaemon.EXIT_OK, run("--journal", journal), err());

        assertEquals(counted[0], records().size(), String.join("\n", lines()));
        assertTrue(records().get(0).contains("SESSION_START") && records().get(0).contains("(before any event)"),
            records().get(0));
        assertTrue(lines().contains("2        2026-03-27T13:30:02Z           TICK                SPY bid 299.99 ask"
            + " 300.01 last 300.00 [end of batch]"), String.join("\n", lines()));
        assertTrue(lines().contains("2        2026-03-27T13:30:02Z           NEW_ORDER           balanced-60-40 BUY"
            + " 196 SPY @ 300.31 order 2"), String.join("\n", lines()));
        assertEquals("SESSION_STOP", type(records().get(records().size() - 1)));
        assertTrue(last().startsWith(VERDICT_OK + counted[0] + " records in " + counted[1]
            + " documents verified, last chain value 0x"), last());
        assertEquals("", err());
        assertEquals(RebalancerDaemon.EXIT_OK, run(journal), "the folder on its own");
        assertEquals(counted[0], records().size());
    }

    @Test
    void shouldShowOnlyTheRecordsAboutOneInstrumentTheReportsOfItsOrdersIncluded() {
        assertEquals(RebalancerDaemon.EXIT_OK, run("--journal", journal, "--instrument", "TLT"), err());

        final String log = String.join("\n", records());
        assertFalse(log.contains("SPY"), log);
        assertTrue(log.contains("TICK                TLT bid 99.99"), log);
        assertTrue(log.contains("EXECUTION           order 1 TRADE"), "a report names only its order: " + log);
        assertTrue(log.contains("FILL                order 3 balanced-60-40 SELL 51 TLT"), log);
        assertFalse(log.contains("REBALANCE_TRIGGERED") || log.contains("SESSION_START"), log);
        assertTrue(last().startsWith(VERDICT_OK), last());
        assertEquals(RebalancerDaemon.EXIT_OK, run("--journal", journal, "--instrument", "#1"), "an id does too");
        assertEquals(log, String.join("\n", records()));
    }

    @Test
    void shouldShowOnlyTheRecordsAboutOnePortfolioAndTheCommandsAimedAtIt() {
        assertEquals(RebalancerDaemon.EXIT_OK, run("--journal", journal, "--portfolio", "balanced-60-40"), err());

        final List<String> types = records().stream().map(JournalToolTest::type).distinct().sorted().toList();
        assertEquals(List.of("CANCEL_REQUEST", "CANCEL_REQUESTED", "COMMAND", "EXECUTION", "FILL", "NEW_ORDER",
            "ORDER_CLOSED", "ORDER_STATE", "REBALANCE_PLANNED", "REBALANCE_TRIGGERED", "REPLACE_REQUEST",
            "REPLACE_REQUESTED"), types);

        assertEquals(RebalancerDaemon.EXIT_OK, run("--journal", journal, "--portfolio", "all-weather"), err());
        assertEquals(List.of("COMMAND", "COMMAND"), records().stream().map(JournalToolTest::type).toList(),
            "all-weather decided nothing; only the commands to every portfolio concern it");
    }

    @Test
    void shouldShowOnlyTheTypesAndTheTimesAskedFor() {
        assertEquals(RebalancerDaemon.EXIT_OK, run("--journal", journal, "--type", "new_order,FILL", "--from",
            "2026-03-27T13:30:03Z", "--to", "2026-03-27T13:30:06Z"), err());

        assertEquals(List.of(
            "5        2026-03-27T13:30:03Z           FILL                order 1 balanced-60-40 SELL 203 TLT @ 99.90"
                + " leaves 203",
            "6        2026-03-27T13:30:04Z           FILL                order 1 balanced-60-40 SELL 203 TLT @ 99.90"
                + " leaves 0",
            "9        2026-03-27T13:30:05Z           NEW_ORDER           balanced-60-40 SELL 51 TLT @ 99.90 order 3",
            "11       2026-03-27T13:30:06Z           FILL                order 3 balanced-60-40 SELL 51 TLT @ 99.90"
                + " leaves 0"), records());

        assertEquals(RebalancerDaemon.EXIT_OK, run("--journal", journal, "--to", "2026-03-26"));
        assertEquals(List.of("(no record matches)"), records(), "a date is its whole day; the records before any"
            + " event have no time, and every other is on the 27th");
        assertEquals(RebalancerDaemon.EXIT_OK, run("--journal", journal, "--from", "2026-03-27", "--to",
            "2026-03-27", "--type", "TICK"));
        assertEquals(6, records().size(), String.join("\n", records()));
    }

    @Test
    void shouldTellWhyAnOrderWasSentThenWhatBecameOfIt() {
        assertEquals(RebalancerDaemon.EXIT_OK, run("--journal", journal, "--order", "2"), err());

        final List<String> lines = records();
        assertEquals("order 2 (balanced-60-40, SPY): why it was sent: input 2 and what the engine decided on it",
            lines.get(0));
        final int life = lines.indexOf("order 2 (balanced-60-40, SPY): what became of it");
        assertEquals(List.of("TICK", "REBALANCE_TRIGGERED", "NEW_ORDER", "ORDER_STATE", "NEW_ORDER", "ORDER_STATE",
            "REBALANCE_PLANNED"), lines.subList(1, life).stream().map(JournalToolTest::type).toList(),
            "the input, the trigger, the plan and the other order of the same rebalance");
        assertEquals(List.of(
            "EXECUTION", "ORDER_STATE",
            "COMMAND", "REBALANCE_TRIGGERED", "REPLACE_REQUEST", "REPLACE_REQUESTED", "ORDER_STATE",
            "EXECUTION", "ORDER_STATE",
            "COMMAND", "CANCEL_REQUEST", "CANCEL_REQUESTED", "ORDER_STATE",
            "EXECUTION", "ORDER_CLOSED", "ORDER_STATE"),
            lines.subList(life + 1, lines.size()).stream().map(JournalToolTest::type).toList(),
            String.join("\n", lines));
        final String story = String.join("\n", lines);
        assertTrue(story.contains("REPLACE_REQUEST     balanced-60-40 BUY 218 SPY @ 290.30 request 4 for order 2"),
            story);
        assertTrue(story.contains("EXECUTION           order 4 REPLACED"), "the answer to the replace: " + story);
        assertTrue(story.contains("CANCEL_REQUEST      balanced-60-40 BUY 218 SPY request 5 for order 4"),
            "the replace's id names the order from then on: " + story);
        assertTrue(story.contains("EXECUTION           order 5 CANCELED"), story);
        assertFalse(story.contains("FILL") || story.contains("order 3") || story.contains("order 6"),
            "nothing of the other orders' lives: " + story);
        assertTrue(last().startsWith(VERDICT_OK), last());

        final List<String> byOrder = lines;
        assertEquals(RebalancerDaemon.EXIT_OK, run("--journal", journal, "--order", "5"), err());
        assertEquals("order 2 (balanced-60-40, SPY) [5 is one of its requests]: why it was sent: input 2 and what"
            + " the engine decided on it", records().get(0));
        assertEquals(byOrder.subList(1, byOrder.size()).stream().filter(line -> line.startsWith("  ")).toList(),
            records().stream().filter(line -> line.startsWith("  ")).toList(),
            "a request's id tells its order's story");
    }

    @Test
    void shouldAnswerOnlyWhyAnOrderWasSent() {
        assertEquals(RebalancerDaemon.EXIT_OK, run("--journal", journal, "--why", "6"), err());

        assertEquals(List.of(
            "order 6 (balanced-60-40, SPY): why it was sent: input 14 and what the engine decided on it",
            "  14       2026-03-27T13:30:08Z           EXECUTION           order 5 CANCELED exec 6840123409045651464"
                + " leaves 0 (FIX seq 8) [end of batch]",
            "  14       2026-03-27T13:30:08Z           ORDER_CLOSED        order 2 balanced-60-40 CANCELED released"
                + " 218",
            "  14       2026-03-27T13:30:08Z           ORDER_STATE         order 2 balanced-60-40 CANCELED filled 0"
                + " avg 0.00 leaves 0",
            "  14       2026-03-27T13:30:08Z           REBALANCE_TRIGGERED balanced-60-40 THRESHOLD drift ratio"
                + " 1.992389 portfolio drift 0.100727",
            "  14       2026-03-27T13:30:08Z           NEW_ORDER           balanced-60-40 BUY 218 SPY @ 290.30 order 6",
            "  14       2026-03-27T13:30:08Z           ORDER_STATE         order 6 balanced-60-40 PENDING_NEW filled 0"
                + " avg 0.00 leaves 218",
            "  14       2026-03-27T13:30:08Z           NEW_ORDER           balanced-60-40 BUY 7 TLT @ 100.11 order 7",
            "  14       2026-03-27T13:30:08Z           ORDER_STATE         order 7 balanced-60-40 PENDING_NEW filled 0"
                + " avg 0.00 leaves 7",
            "  14       2026-03-27T13:30:08Z           REBALANCE_PLANNED   balanced-60-40 sent 2 stopped by risk 0"),
            records(), "the cancel of the old buy freed its cash and the drift came back: a new buy");
    }

    @Test
    void shouldPrintOnlyTheVerdictOfACleanJournal() {
        assertEquals(RebalancerDaemon.EXIT_OK, run("--journal", journal, "--verify"), err());

        assertEquals(1, lines().size(), String.join("\n", lines()));
        assertTrue(last().matches("chain OK: \\d+ records in \\d+ documents verified, last chain value"
            + " 0x[0-9a-f]{16}"), last());
    }

    @Test
    void shouldNameDamageAtTheEndAndFail() {
        fixture.damageSessionStop(JournalRecords.TIME_OFFSET + 2);

        assertEquals(RebalancerDaemon.EXIT_FAILED, run("--journal", journal, "--verify"), err());
        assertTrue(last().matches("chain DAMAGED at its end: 1 damaged record, the first record 0 of document 0x"
            + "[0-9a-f]+: chain value does not follow the record before \\(changed, reordered or corrupted\\); a"
            + " restart recovers from the last good record; \\d+ records in \\d+ documents verified, last chain"
            + " value 0x[0-9a-f]{16}"), last());

        assertEquals(RebalancerDaemon.EXIT_FAILED, run("--journal", journal), "the log ends with the verdict too");
        assertTrue(last().startsWith("chain DAMAGED at its end"), last());
        assertFalse(String.join("\n", records()).contains("SESSION_STOP"), "a damaged record is not shown");
    }

    @Test
    void shouldNameDamageBeforeTheEndAndShowEveryRecordThatVerifies() {
        run("--journal", journal);
        final List<String> clean = records();
        fixture.damageReport(3, JournalRecords.EXEC_LAST_QUANTITY);

        assertEquals(RebalancerDaemon.EXIT_FAILED, run("--journal", journal), err());
        assertTrue(last().startsWith("chain DAMAGED before its end: 1 damaged record, the first record 4 of"
            + " document 0x"), "the third report, after two reports and their states in one batch: " + last());
        assertTrue(last().contains("good records follow, so the journal cannot be trusted past it"), last());
        final List<String> expected = clean.stream().filter(line -> !line.contains("exec 6840123409045651459"))
            .toList();
        assertEquals(clean.size() - 1, expected.size());
        assertEquals(expected, records(), "only the damaged report is missing");
    }

    /**
     * Retention deleted the journal's first days: the first record left follows one that is gone, so the chain is
     * verified from that record on, and the verdict says so; every record left is shown.
     */
    @Test
    void shouldVerifyAJournalWhoseFirstDaysWereDeletedFromTheFirstRecordLeft() throws IOException {
        final JournalFixture days = new JournalFixture(dir.resolve("days"));
        for (int day = 0; day < 4; day++) {
            days.session(day, day < 2 ? 0 : 5, 0, 30);
        }
        assertTrue(days.session(4, 5, 1, 30).prunedFiles() > 0, "retention deleted the first days");
        final String trimmed = days.journalDir.toString();
        try (java.util.stream.Stream<Path> files = Files.list(days.journalDir)) {
            assertEquals(List.of("20260330F.cq4", "20260331F.cq4"), files.map(file -> file.getFileName().toString())
                .filter(name -> name.endsWith(".cq4")).sorted().toList(), "the first three days are gone");
        }

        assertEquals(RebalancerDaemon.EXIT_OK, run("--verify", trimmed), err());
        assertTrue(last().matches("the journal's first record does not follow the chain's start \\(its first days"
            + " were deleted, or it is damaged\\): verified from that record on; chain OK: \\d+ records in \\d+"
            + " documents verified, last chain value 0x[0-9a-f]{16}"), last());

        assertEquals(RebalancerDaemon.EXIT_OK, run(trimmed, "--type", "SESSION_START"), err());
        assertEquals(List.of("journal fixture, day 3", "journal fixture, day 4"),
            records().stream().map(line -> line.substring(line.indexOf("journal fixture"))).toList(),
            "every session left is shown: the first record left, and those before the oldest snapshot too");

        // An order sent on a day that is gone and cancelled on a day that is left: its story is what is left.
        assertEquals(RebalancerDaemon.EXIT_OK, run(trimmed, "--type", "NEW_ORDER,CANCEL_REQUEST"), err());
        final List<String> sent = records().stream().filter(line -> line.contains("NEW_ORDER"))
            .map(line -> line.substring(line.lastIndexOf(' ') + 1)).toList();
        final String orphan = records().stream().filter(line -> line.contains("CANCEL_REQUEST"))
            .map(line -> line.substring(line.lastIndexOf(' ') + 1)).filter(id -> !sent.contains(id)).findFirst()
            .orElseThrow(() -> new AssertionError("no cancel of an order sent on a deleted day: " + records()));
        assertEquals(RebalancerDaemon.EXIT_OK, run(trimmed, "--order", orphan), err());
        assertTrue(records().get(0).endsWith(": what became of it (the input that caused it is not in this journal)"),
            records().get(0));
        assertTrue(records().stream().anyMatch(line -> line.contains("CANCEL_REQUEST") && line.endsWith("for order "
            + orphan)), String.join("\n", records()));

        final ToolConsole replay = new ToolConsole(ReplayTool::run);
        assertEquals(RebalancerDaemon.EXIT_OK, replay.run(trimmed), replay.err());
        assertTrue(replay.out().contains("identical"), replay.out());
    }

    @Test
    void shouldSayWhenTheFilesAreNotAJournalAndLeaveThemAsTheyAre() throws IOException {
        final Path other = Files.createDirectories(dir.resolve("other"));
        final Path file = Files.writeString(other.resolve("20260327F.cq4"), "these are not the bytes of a queue\n"
            .repeat(100));

        assertEquals(RebalancerDaemon.EXIT_FAILED, run("--verify", other.toString()), err());

        assertTrue(err().startsWith("journal: cannot read the journal in " + other + ": "), err());
        assertEquals(1, err().lines().count(), err());
        assertEquals("", console.out());
        assertEquals(List.of(file), Files.list(other).toList(), "nothing created");
        assertEquals("these are not the bytes of a queue\n".repeat(100), Files.readString(file), "nothing changed");
    }

    @Test
    void shouldRefuseWhatItCannotReadWithOneClearLine() throws IOException {
        final Path empty = Files.createDirectories(dir.resolve("empty"));
        final Path file = Files.writeString(dir.resolve("file.txt"), "not a journal");
        assertRefused("no such folder: " + dir.resolve("missing"), "--journal", dir.resolve("missing").toString());
        assertRefused("no journal in " + empty + " (no .cq4 files)", "--journal", empty.toString());
        assertRefused(file + " is a file, not a journal folder", file.toString());
        assertRefused("which journal? give --journal DIR");
        assertRefused("which journal? give --journal DIR", "--order", "2");
        assertRefused("one journal at a time: " + journal + " and other", journal, "other");
        assertRefused("unknown option --follow", journal, "--follow");
        assertRefused("--from: 'yesterday' is not a UTC time such as 2026-03-27T13:30:00Z or a date such as"
            + " 2026-03-27", journal, "--from", "yesterday");
        assertRefused("--from must be earlier than --to", journal, "--from", "2026-03-28", "--to", "2026-03-27");
        assertRefused("--order: 'two' is not a whole number", journal, "--order", "two");
        assertRefused("give one --order or --why", journal, "--order", "2", "--why", "2");
        assertRefused("--verify reads the whole journal: it takes no filter", journal, "--verify", "--type", "TICK");
        assertRefused("--instrument needs a value", journal, "--instrument");
        assertTrue(err().startsWith("journal: --instrument needs a value"));
        assertRefused("no instrument 'MSFT' in the journal's configuration; it has SPY, TLT, IEI, GLD, VTI, VXUS,"
            + " BND, DBC", journal, "--instrument", "MSFT");
        assertRefused("no portfolio 'growth' in the journal's configuration; it has all-weather, balanced-60-40,"
            + " global-growth", journal, "--portfolio", "growth");
        assertRefused("no order or request 99 in the journal (5 orders sent)", journal, "--order", "99");
        assertTrue(run(journal, "--type", "TICKS") == RebalancerDaemon.EXIT_USAGE
            && err().contains("'TICKS' is not a record type; the types are TICK, EXECUTION, TIMER"), err());
    }

    private void assertRefused(final String message, final String... args) {
        assertEquals(RebalancerDaemon.EXIT_USAGE, run(args), () -> Arrays.toString(args) + ": " + err());
        assertTrue(err().startsWith("journal: " + message + System.lineSeparator()), () -> Arrays.toString(args)
            + ": " + err());
        assertFalse(err().contains("Exception") || err().contains("\tat "), err());
        assertEquals("", console.out());
    }

    @Test
    void shouldPrintItsUsage() {
        assertEquals(RebalancerDaemon.EXIT_OK, run("--help"));

        assertTrue(lines().get(0).startsWith("Usage: java -jar rebalancer.jar journal --journal DIR"), lines().get(0));
        assertTrue(lines().stream().allMatch(line -> line.length() <= 110), "fits a terminal");
        assertEquals("", err());
    }
}

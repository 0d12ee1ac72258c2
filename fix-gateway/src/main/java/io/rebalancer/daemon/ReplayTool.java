package io.rebalancer.daemon;

import io.rebalancer.engine.journaling.JournalReader;
import io.rebalancer.engine.journaling.Replay;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Deterministic replay ({@code rebalancer.jar replay ...}): runs a journal's inputs through a fresh engine, with
 * the journal's own batches and no clock but the journal's, and checks that it decides exactly what the journal
 * records ({@link Replay}); with {@code --config}, what another configuration would have decided instead. Prints
 * the first difference with both versions, and the verdict on the journal's chain.
 */
public final class ReplayTool {
    private static final String NAME = "replay: ";

    static final String USAGE = String.join(System.lineSeparator(),
        "Usage: java -jar rebalancer.jar replay --journal DIR [--config DIR]",
        "",
        "Replays a journal through a fresh engine (no venue, no wall clock: the journal's inputs, in the journal's",
        "batches) and compares every decision with the one the journal records, in order. Prints how many inputs",
        "were replayed and decisions compared, then 'identical' or the first difference: the input that caused it",
        "and both versions of the decision. The chain of record hashes is verified on the way; the last line is its",
        "verdict.",
        "",
        "  --journal DIR     the journal's folder (or give DIR on its own)",
        "  --config DIR      replay with this configuration instead of the one the journal recorded, to see what",
        "                    a change would have done",
        "  --help            print this help",
        "",
        "Exit status: 0 identical, 1 a difference or a damaged chain, 2 bad options, no journal in DIR, or a",
        "configuration that does not load.");

    /** The command line: a journal and, optionally, another configuration. */
    private record Options(Path journalDir, Path configDir, boolean help) {
    }

    private ReplayTool() {
    }

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * The whole command, for the dispatcher in {@link RebalancerDaemon} and for tests.
     *
     * @param args the arguments after {@code replay}
     * @return the exit status: 0 identical, 1 a difference or damage, 2 bad options, journal or configuration
     */
    static int run(final String[] args, final PrintStream out, final PrintStream err) {
        final Options options;
        try {
            options = parse(args);
        } catch (final UsageException ex) {
            err.println(NAME + ex.getMessage());
            err.println("Try replay --help for the options.");
            return RebalancerDaemon.EXIT_USAGE;
        }
        if (options.help()) {
            out.println(USAGE);
            out.flush();
            return RebalancerDaemon.EXIT_OK;
        }
        final String problem = JournalFolder.problem(options.journalDir());
        if (problem != null) {
            err.println(NAME + problem);
            return RebalancerDaemon.EXIT_USAGE;
        }
        if (options.configDir() != null && !Files.isDirectory(options.configDir())) {
            err.println(NAME + "no configuration folder " + options.configDir());
            return RebalancerDaemon.EXIT_USAGE;
        }
        final Replay.Outcome outcome;
        try {
            outcome = Replay.run(options.journalDir(), options.configDir());
        } catch (final IllegalArgumentException ex) {
            err.println(NAME + "the configuration does not load: " + ex.getMessage());
            return RebalancerDaemon.EXIT_USAGE;
        } catch (final UncheckedIOException ex) {
            err.println(NAME + ex.getMessage());
            return RebalancerDaemon.EXIT_FAILED;
        } catch (final Exception ex) {
            // Chronicle refusing the folder's files (it throws checked exceptions undeclared, such as
            // StreamCorruptedException for a file that is not a queue): say what and where, not a stack trace.
            return unreadable(options, ex, err);
        }
        final JournalStart start;
        final JournalReader.Outcome chain;
        try {
            start = JournalStart.of(options.journalDir());
            // Replay stops reading at the first difference: the chain's verdict needs the rest read too.
            chain = outcome.read().stopped() ? start.read(options.journalDir(), (buffer, at, document) -> true)
                : outcome.read();
        } catch (final Exception ex) {
            return unreadable(options, ex, err);
        }
        report(options, outcome, chain, start.note() + ChainVerdict.describe(chain), out);
        out.flush();
        return outcome.difference() == null && ChainVerdict.status(chain) == RebalancerDaemon.EXIT_OK
            ? RebalancerDaemon.EXIT_OK : RebalancerDaemon.EXIT_FAILED;
    }

    private static int unreadable(final Options options, final Exception ex, final PrintStream err) {
        err.println(NAME + "cannot read the journal in " + options.journalDir() + ": " + ex);
        return RebalancerDaemon.EXIT_FAILED;
    }

    private static void report(final Options options, final Replay.Outcome outcome, final JournalReader.Outcome chain,
        final String verdict, final PrintStream out) {
        out.println("replay of journal " + options.journalDir() + (options.configDir() == null
            ? " with the configuration it recorded" : " with the configuration in " + options.configDir()
            + " instead of the one it recorded"));
        out.println(Text.count(outcome.inputs()) + " inputs replayed, " + Text.count(outcome.decisions())
            + " decisions compared");
        if (outcome.difference() != null) {
            out.println("DIFFERENT: " + outcome.difference());
        } else if (chain.damagedInMiddle()) {
            out.println("no difference up to the damage, but the records after it cannot be trusted");
        } else {
            out.println("identical: the engine decided again exactly what the journal records"
                + (chain.damagedAtEnd() ? ", up to the damage at its end" : ""));
        }
        out.println(verdict);
    }

    private static Options parse(final String... args) throws UsageException {
        Path journal = null;
        Path config = null;
        boolean help = false;
        final Arguments arguments = new Arguments(args);
        while (arguments.next()) {
            final String name = arguments.name();
            switch (name) {
                case "--help":
                case "-h":
                    help = arguments.flag();
                    break;
                case "--journal":
                case "--config":
                    final String value = arguments.nonBlankValue("a folder");
                    if ("--config".equals(name)) {
                        config = Path.of(value);
                    } else {
                        journal = one(journal, value);
                    }
                    break;
                default:
                    if (arguments.arg().startsWith("-")) {
                        throw arguments.unknown();
                    }
                    journal = one(journal, arguments.arg());
            }
        }
        if (journal == null && !help) {
            throw new UsageException("which journal? give --journal DIR");
        }
        return new Options(journal, config, help);
    }

    private static Path one(final Path already, final String value) throws UsageException {
        if (already != null) {
            throw new UsageException("one journal at a time: " + already + " and " + value);
        }
        return Path.of(value);
    }
}

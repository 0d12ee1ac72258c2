package io.rebalancer.daemon;

import io.rebalancer.engine.journaling.JournalReader;
import io.rebalancer.engine.journaling.RecordText;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * The journal reader ({@code rebalancer.jar journal ...}): prints a journal as an event log a person can read,
 * filtered by time, instrument, portfolio, record type or one order's story ("why was this order sent, and what
 * became of it?"), and ends with the verdict on the journal's chain of hashes, which the reader verifies as it
 * reads. Two passes: the first indexes the journal's configurations and orders ({@link JournalIndex}), the second
 * prints ({@link EventLog}). {@code --verify} reads once and prints only the verdict.
 */
public final class JournalTool {
    private static final String NAME = "journal: ";

    private JournalTool() {
    }

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * The whole command, for the dispatcher in {@link RebalancerDaemon} and for tests.
     *
     * @param args the arguments after {@code journal}
     * @return the exit status: 0 the chain verifies, 1 it is damaged, 2 bad options or no such journal
     */
    static int run(final String[] args, final PrintStream out, final PrintStream err) {
        final JournalOptions options;
        try {
            options = JournalOptions.parse(args);
        } catch (final UsageException ex) {
            return usage(ex.getMessage(), err);
        }
        if (options.help()) {
            out.println(JournalOptions.USAGE);
            out.flush();
            return RebalancerDaemon.EXIT_OK;
        }
        final String problem = JournalFolder.problem(options.journalDir());
        if (problem != null) {
            err.println(NAME + problem);
            return RebalancerDaemon.EXIT_USAGE;
        }
        try {
            return options.verify() ? verify(options.journalDir(), out) : print(options, out, err);
        } catch (final UsageException ex) {
            return usage(ex.getMessage(), err);
        } catch (final Exception ex) {
            // Chronicle refusing the folder's files (it throws checked exceptions undeclared, such as
            // StreamCorruptedException for a file that is not a queue): say what and where, not a stack trace.
            err.println(NAME + "cannot read the journal in " + options.journalDir() + ": " + ex);
            return RebalancerDaemon.EXIT_FAILED;
        } finally {
            out.flush();
        }
    }

    private static int usage(final String message, final PrintStream err) {
        err.println(NAME + message);
        err.println("Try journal --help for the options.");
        return RebalancerDaemon.EXIT_USAGE;
    }

    private static int verify(final Path dir, final PrintStream out) {
        final JournalStart start = JournalStart.of(dir);
        final JournalReader.Outcome read = start.read(dir, (buffer, at, document) -> true);
        out.println(start.note() + ChainVerdict.describe(read));
        return ChainVerdict.status(read);
    }

    private static int print(final JournalOptions options, final PrintStream out, final PrintStream err)
        throws UsageException {
        final JournalStart start = JournalStart.of(options.journalDir());
        final JournalIndex index = new JournalIndex(err);
        start.read(options.journalDir(), index);
        check(options.instrument(), index.symbols(), "instrument");
        check(options.portfolio(), index.portfolios(), "portfolio");
        EventLog.OrderStory story = null;
        if (options.order() != JournalOptions.NO_ORDER) {
            if (!index.isKnown(options.order())) {
                throw new UsageException("no order or request " + options.order() + " in the journal ("
                    + Text.count(index.orders()) + " orders sent)");
            }
            final long order = index.root(options.order());
            story = new EventLog.OrderStory(index, order, options.whyOnly(), title(index, order, options.order()));
        }
        final EventLog log = new EventLog(options, index, story, out);
        final JournalReader.Outcome read = start.read(options.journalDir(), log);
        if (log.shown() == 0) {
            out.println("(no record matches)");
        }
        out.println(start.note() + ChainVerdict.describe(read));
        return ChainVerdict.status(read);
    }

    /** A name the journal's configurations know, or {@code #id}. */
    private static void check(final String name, final Set<String> known, final String what)
        throws UsageException {
        if (name != null && !known.contains(name) && !name.matches("#\\d+")) {
            throw new UsageException("no " + what + " '" + name + "' in the journal's configuration"
                + (known.isEmpty() ? " (it records none that loads: give #id)" : "; it has " + String.join(", ",
                known)));
        }
    }

    /** "order 17 (balanced-60-40, SPY)", and the request asked about if that is what was asked. */
    private static String title(final JournalIndex index, final long order, final long asked) {
        final RecordText names = new RecordText();
        names.config(index.lastConfig());
        final int portfolio = index.portfolio(order);
        return "order " + order + (portfolio == RecordSubjects.NONE ? "" : " (" + names.portfolio(portfolio) + ", "
            + names.instrument(index.instrument(order)) + ")") + (asked == order ? ""
            : " [" + asked + " is one of its requests]");
    }
}

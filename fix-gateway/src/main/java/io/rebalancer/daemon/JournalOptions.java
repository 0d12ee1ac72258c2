package io.rebalancer.daemon;

import io.rebalancer.engine.journaling.JournalRecords;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.BitSet;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The journal reader's command line ({@code rebalancer.jar journal ...}), parsed by hand in the way of
 * {@link DaemonOptions}: options take their value as the next argument or after {@code =}.
 *
 * @param journalDir the journal's folder
 * @param fromNanos  first event time shown, epoch nanos (inclusive)
 * @param toNanos    event time past the last one shown, epoch nanos (exclusive)
 * @param instrument only records about this symbol ({@code #id} for an id), or null
 * @param portfolio  only records about this portfolio ({@code #id} for an id), or null
 * @param order      the order whose story is told, or {@link #NO_ORDER}
 * @param whyOnly    tell only why the order was sent ({@code --why}), not what became of it
 * @param types      the record types shown, or null for all
 * @param verify     read everything, print only the chain verdict
 * @param help       print the usage and exit
 */
record JournalOptions(Path journalDir, long fromNanos, long toNanos, String instrument, String portfolio, long order,
                      boolean whyOnly, BitSet types, boolean verify, boolean help) {
    static final long NO_ORDER = Long.MIN_VALUE;
    private static final String EXAMPLE_TIME = "2026-03-27T13:30:00Z";
    private static final String EXAMPLE_DATE = "2026-03-27";

    static final String USAGE = String.join(System.lineSeparator(),
        "Usage: java -jar rebalancer.jar journal --journal DIR [filters] | --verify",
        "",
        "Prints a journal as an event log, one line per record: the input sequence (decisions carry the sequence",
        "of the input that caused them), the event time (UTC), the record type and its fields, instruments and",
        "portfolios named from the journal's own configuration. The chain of record hashes is verified as the",
        "journal is read; the last line is the chain's verdict. Filters combine (a record must pass all of them).",
        "",
        "  --journal DIR           the journal's folder (or give DIR on its own)",
        "  --from T, --to T        only records whose event time is from T, up to T: a UTC time such as",
        "                          " + EXAMPLE_TIME + ", or a date such as " + EXAMPLE_DATE + " (--to DATE includes",
        "                          that day)",
        "  --instrument SYMBOL     only records about that instrument (ticks, orders and their reports, fills)",
        "  --portfolio NAME        only records about that portfolio (its decisions, orders and their reports,",
        "                          and commands aimed at it or at every portfolio)",
        "  --order ID              the order's whole story: why it was sent (the input that caused it and what",
        "                          the engine decided on that input for its portfolio: the rebalance trigger, the",
        "                          plan, the other orders), then what became of it (acknowledgements, fills, state",
        "                          changes, its cancel and replace requests and their answers, the inputs that",
        "                          caused them); ID may be the id of one of its requests",
        "  --why ID                only why the order was sent",
        "  --type NAME[,NAME...]   only records of these types, e.g. NEW_ORDER,FILL (see below)",
        "  --verify                read the whole journal and print only the chain's verdict",
        "  --help                  print this help",
        "",
        "Record types: " + typeNames(System.lineSeparator() + "  "),
        "",
        "Exit status: 0 the chain verifies (damage a restart recorded as recovered counts as verified; a journal",
        "whose first days retention deleted is verified from its first record left), 1 the chain is damaged or no",
        "record can be read, 2 bad options, no journal in DIR, or an instrument, portfolio or order the journal",
        "does not know.");

    /** Parses the arguments (those after {@code journal}); never returns null. */
    static JournalOptions parse(final String... args) throws UsageException {
        Path dir = null;
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        String instrument = null;
        String portfolio = null;
        long order = NO_ORDER;
        boolean why = false;
        BitSet types = null;
        boolean verify = false;
        boolean help = false;
        final Arguments arguments = new Arguments(args);
        while (arguments.next()) {
            final String name = arguments.name();
            switch (name) {
                case "--verify":
                    verify = arguments.flag();
                    break;
                case "--help":
                case "-h":
                    help = arguments.flag();
                    break;
                case "--journal":
                case "--from":
                case "--to":
                case "--instrument":
                case "--portfolio":
                case "--order":
                case "--why":
                case "--type":
                    final String value = arguments.nonBlankValue("a value");
                    switch (name) {
                        case "--journal":
                            dir = journal(dir, value);
                            break;
                        case "--from":
                            from = time(name, value, false);
                            break;
                        case "--to":
                            to = time(name, value, true);
                            break;
                        case "--instrument":
                            instrument = value;
                            break;
                        case "--portfolio":
                            portfolio = value;
                            break;
                        case "--order":
                        case "--why":
                            if (order != NO_ORDER) {
                                throw new UsageException("give one --order or --why");
                            }
                            order = DaemonOptions.number(name, value);
                            why = "--why".equals(name);
                            break;
                        case "--type":
                            types = types(value);
                            break;
                        default:
                            throw new IllegalStateException(name + " is listed as taking a value but not parsed");
                    }
                    break;
                default:
                    if (arguments.arg().startsWith("-")) {
                        throw arguments.unknown();
                    }
                    dir = journal(dir, arguments.arg());
            }
        }
        if (help) {
            return new JournalOptions(dir, from, to, instrument, portfolio, order, why, types, false, true);
        }
        if (dir == null) {
            throw new UsageException("which journal? give --journal DIR");
        }
        if (from >= to) {
            throw new UsageException("--from must be earlier than --to");
        }
        if (verify && (instrument != null || portfolio != null || order != NO_ORDER || types != null
            || from != Long.MIN_VALUE || to != Long.MAX_VALUE)) {
            throw new UsageException("--verify reads the whole journal: it takes no filter");
        }
        return new JournalOptions(dir, from, to, instrument, portfolio, order, why, types, verify, false);
    }

    /**
     * Whether the record at this event time and of this type passes the time and type filters. A record written
     * before the engine saw any event has no time (Long.MIN_VALUE): only a log without time filters shows it.
     */
    boolean passes(final long timeNanos, final int type) {
        final boolean timeless = timeNanos == Long.MIN_VALUE;
        return (timeless ? fromNanos == Long.MIN_VALUE && toNanos == Long.MAX_VALUE
            : timeNanos >= fromNanos && timeNanos < toNanos) && (types == null || types.get(type));
    }

    private static Path journal(final Path already, final String value) throws UsageException {
        if (already != null) {
            throw new UsageException("one journal at a time: " + already + " and " + value);
        }
        return Path.of(value);
    }

    /**
     * A UTC time, or a date (its first instant; with {@code endOfDay}, the first instant of the next day), as
     * epoch nanos; with {@code endOfDay} a time is made inclusive (one nanosecond later).
     */
    static long time(final String name, final String value, final boolean endOfDay) throws UsageException {
        try {
            final Instant instant = value.indexOf('T') < 0
                ? LocalDate.parse(value).plusDays(endOfDay ? 1 : 0).atStartOfDay(ZoneOffset.UTC).toInstant()
                : Instant.parse(value).plusNanos(endOfDay ? 1 : 0);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (final DateTimeParseException | ArithmeticException ex) {
            throw new UsageException(name + ": '" + value + "' is not a UTC time such as " + EXAMPLE_TIME
                + " or a date such as " + EXAMPLE_DATE);
        }
    }

    private static BitSet types(final String value) throws UsageException {
        final BitSet types = new BitSet();
        for (final String name : value.split(",")) {
            final int type = type(name.trim().toUpperCase(Locale.ROOT));
            if (type < 0) {
                throw new UsageException("--type: '" + name.trim() + "' is not a record type; the types are "
                    + typeNames(" "));
            }
            types.set(type);
        }
        return types;
    }

    private static int type(final String name) {
        for (final int type : knownTypes()) {
            if (JournalRecords.name(type).equals(name)) {
                return type;
            }
        }
        return -1;
    }

    /** Every type the layout defines (a record's type is a short). */
    private static int[] knownTypes() {
        return IntStream.rangeClosed(0, Short.MAX_VALUE).filter(JournalRecords::isKnown).toArray();
    }

    /** The names of the record types, comma-separated, {@code wrap} between lines of about 100 characters. */
    private static String typeNames(final String wrap) {
        final StringBuilder names = new StringBuilder();
        int line = 0;
        for (final int type : knownTypes()) {
            final String name = JournalRecords.name(type);
            if (names.length() > 0) {
                names.append(',');
                if (line + name.length() > 100) {
                    names.append(wrap);
                    line = 0;
                } else {
                    names.append(' ');
                }
            }
            names.append(name);
            line += name.length() + 2;
        }
        return names.toString();
    }
}

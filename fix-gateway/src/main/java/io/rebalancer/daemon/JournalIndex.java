package io.rebalancer.daemon;

import io.rebalancer.engine.config.ConfigException;
import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.journaling.ConfigArchive;
import io.rebalancer.engine.journaling.JournalReader;
import io.rebalancer.engine.journaling.JournalRecords;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The reader's first pass over a journal: the configurations it was written with (to name instruments and
 * portfolios), and its orders: which order each order or request id belongs to (a cancel or replace request has
 * an id of its own that names the order, and an accepted replace leaves the order known by the request's id),
 * where each order was sent from, and the input that caused it and each of its requests.
 */
final class JournalIndex implements JournalReader.Handler {
    private static final long MISSING = Long.MIN_VALUE;

    /** Order or request id to the id of the order's NEW_ORDER. */
    private final Long2LongHashMap rootOf = new Long2LongHashMap(MISSING);
    /** Order id to the sequence of the input that caused it. */
    private final Long2LongHashMap causeOf = new Long2LongHashMap(MISSING);
    /** Order id to its portfolio (high int) and instrument (low int). */
    private final Long2LongHashMap placeOf = new Long2LongHashMap(MISSING);
    /** Request id to the sequence of the input that caused the request. */
    private final Long2LongHashMap requestCauseOf = new Long2LongHashMap(MISSING);
    /** The configuration of each CONFIG record in order, null where one does not load. */
    private final List<EngineConfig> configs = new ArrayList<>();
    private final Set<String> symbols = new LinkedHashSet<>();
    private final Set<String> portfolios = new LinkedHashSet<>();
    private final RecordSubjects subjects = new RecordSubjects();
    private final PrintStream err;
    private long orders;

    /** @param err where a configuration that does not load is reported (once per CONFIG record) */
    JournalIndex(final PrintStream err) {
        this.err = err;
    }

    @Override
    public boolean onRecord(final DirectBuffer buffer, final int at, final long documentIndex) {
        final int type = buffer.getShort(at + JournalRecords.TYPE_OFFSET);
        final long sequence = buffer.getLong(at + JournalRecords.SEQUENCE_OFFSET);
        switch (type) {
            case JournalRecords.CONFIG:
                config(buffer, at, documentIndex);
                break;
            case JournalRecords.NEW_ORDER:
                subjects.read(buffer, at);
                rootOf.put(subjects.orderId(), subjects.orderId());
                causeOf.put(subjects.orderId(), sequence);
                placeOf.put(subjects.orderId(),
                    (long)subjects.portfolio() << 32 | subjects.instrument() & 0xFFFF_FFFFL);
                orders++;
                break;
            case JournalRecords.CANCEL_REQUEST:
            case JournalRecords.REPLACE_REQUEST:
            case JournalRecords.CANCEL_REQUESTED:
            case JournalRecords.REPLACE_REQUESTED:
                subjects.read(buffer, at);
                known(subjects.otherOrderId());
                rootOf.put(subjects.orderId(), root(subjects.otherOrderId()));
                requestCauseOf.put(subjects.orderId(), sequence);
                break;
            default:
                known(subjects.read(buffer, at).orderId());
                break;
        }
        return true;
    }

    /**
     * An id a record names whose order the journal does not hold (retention deleted the day it was sent, say): its
     * story is what the journal holds.
     */
    private void known(final long id) {
        if (id != 0 && !rootOf.containsKey(id)) {
            rootOf.put(id, id);
        }
    }

    private void config(final DirectBuffer buffer, final int at, final long documentIndex) {
        EngineConfig config = null;
        try {
            config = load(ConfigArchive.parse(buffer, at));
            for (int id = 0; id < config.universe().size(); id++) {
                symbols.add(config.universe().get(id).symbol());
            }
            for (final PortfolioSpec spec : config.portfolios()) {
                portfolios.add(spec.name());
            }
        } catch (final IllegalArgumentException | UncheckedIOException | ConfigException ex) {
            err.println("journal: warning: the configuration recorded in document 0x"
                + Long.toHexString(documentIndex) + " does not load (" + ex.getMessage() + "); instruments and"
                + " portfolios are shown by id");
        }
        configs.add(config);
    }

    /** Loads the configuration files of a CONFIG record, through a temporary folder. */
    static EngineConfig load(final List<ConfigArchive.Entry> files) throws ConfigException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rebalancer-journal-config");
            return ConfigLoader.load(ConfigArchive.extractTo(files, dir));
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot make a temporary folder for the journal's configuration", ex);
        } finally {
            delete(dir);
        }
    }

    private static void delete(final Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (final IOException ex) {
            // A temporary folder left behind is harmless.
        }
    }

    /** The id of the order this order or request id belongs to; the id itself when the journal does not know it. */
    long root(final long id) {
        final long root = rootOf.get(id);
        return root == MISSING ? id : root;
    }

    boolean isKnown(final long id) {
        return rootOf.containsKey(id);
    }

    /** The sequence of the input that caused the order, or -1 when the journal does not hold its NEW_ORDER. */
    long cause(final long orderId) {
        final long cause = causeOf.get(orderId);
        return cause == MISSING ? -1 : cause;
    }

    /** The order's portfolio id, or {@link RecordSubjects#NONE}. */
    int portfolio(final long orderId) {
        final long place = placeOf.get(orderId);
        return place == MISSING ? RecordSubjects.NONE : (int)(place >> 32);
    }

    /** The order's instrument id, or {@link RecordSubjects#NONE}. */
    int instrument(final long orderId) {
        final long place = placeOf.get(orderId);
        return place == MISSING ? RecordSubjects.NONE : (int)place;
    }

    /** The ids of the order and of every request made for it. */
    Set<Long> family(final long orderId) {
        final Set<Long> ids = new LinkedHashSet<>();
        ids.add(orderId);
        rootOf.forEach((id, root) -> {
            if (root == orderId) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The sequences of the inputs that caused requests made for the order. */
    Set<Long> requestCauses(final Set<Long> family) {
        final Set<Long> causes = new LinkedHashSet<>();
        for (final long id : family) {
            final long cause = requestCauseOf.get(id);
            if (cause != MISSING) {
                causes.add(cause);
            }
        }
        return causes;
    }

    /** The configuration of the {@code n}th CONFIG record, or null (none, or it does not load). */
    EngineConfig config(final int n) {
        return n < configs.size() ? configs.get(n) : null;
    }

    /** The last configuration recorded that loads, or null. */
    EngineConfig lastConfig() {
        for (int n = configs.size() - 1; n >= 0; n--) {
            if (configs.get(n) != null) {
                return configs.get(n);
            }
        }
        return null;
    }

    /** Every symbol the journal's configurations name. */
    Set<String> symbols() {
        return symbols;
    }

    /** Every portfolio name the journal's configurations name. */
    Set<String> portfolios() {
        return portfolios;
    }

    /** Orders sent, as the journal records them. */
    long orders() {
        return orders;
    }
}

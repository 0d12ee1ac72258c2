package io.rebalancer.daemon;

import io.rebalancer.engine.journaling.JournalReader;
import io.rebalancer.engine.journaling.JournalRecords;
import io.rebalancer.engine.journaling.RecordText;
import org.agrona.DirectBuffer;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/**
 * The reader's second pass: prints each verified record that passes the filters as one line ({@link RecordText}),
 * instruments and portfolios named from the configuration recorded last before it. A record that names neither
 * instrument nor portfolio (a report names only its order, a rejection only its input) is about those of its order,
 * or of its input.
 */
final class EventLog implements JournalReader.Handler {
    private final JournalOptions options;
    private final JournalIndex index;
    private final OrderStory story;
    private final PrintStream out;
    private final RecordText text = new RecordText();
    private final RecordSubjects subjects = new RecordSubjects();
    private int configs;
    private int inputInstrument = RecordSubjects.NONE;
    private int inputPortfolio = RecordSubjects.NONE;
    private long shown;

    /** @param story the order whose story is told, or null for a plain log */
    EventLog(final JournalOptions options, final JournalIndex index, final OrderStory story, final PrintStream out) {
        this.options = options;
        this.index = index;
        this.story = story;
        this.out = out;
    }

    @Override
    public boolean onRecord(final DirectBuffer buffer, final int at, final long documentIndex) {
        final int type = buffer.getShort(at + JournalRecords.TYPE_OFFSET);
        if (type == JournalRecords.CONFIG) {
            text.config(index.config(configs++));
        }
        subjects.read(buffer, at);
        final int instrument = instrumentOf(type);
        final int portfolio = portfolioOf(type);
        if (JournalRecords.isInput(type)) {
            inputInstrument = instrument;
            inputPortfolio = portfolio;
        }
        final boolean inStory = story == null || story.contains(buffer, at, type, subjects);
        if (inStory && options.passes(buffer.getLong(at + JournalRecords.TIME_OFFSET), type)
            && matches(options.instrument(), instrument, true) && matches(options.portfolio(), portfolio, false)) {
            if (story != null && !story.heading(buffer, at, out)) {
                return true;
            }
            out.println((story != null ? "  " : "") + describe(buffer, at));
            shown++;
        }
        return true;
    }

    private int instrumentOf(final int type) {
        if (subjects.instrument() != RecordSubjects.NONE) {
            return subjects.instrument();
        }
        if (subjects.orderId() != 0) {
            return index.instrument(index.root(subjects.orderId()));
        }
        return isAboutItsInput(type) ? inputInstrument : RecordSubjects.NONE;
    }

    private int portfolioOf(final int type) {
        if (subjects.portfolio() != RecordSubjects.NONE) {
            return subjects.portfolio();
        }
        if (subjects.orderId() != 0) {
            return index.portfolio(index.root(subjects.orderId()));
        }
        return isAboutItsInput(type) ? inputPortfolio : RecordSubjects.NONE;
    }

    /** Records that say nothing of their own subject: they are about the input that caused them. */
    private static boolean isAboutItsInput(final int type) {
        return type == JournalRecords.INPUT_REJECTED || type == JournalRecords.ENGINE_FAULT;
    }

    private boolean matches(final String filter, final int id, final boolean instrument) {
        if (filter == null) {
            return true;
        }
        if (id == RecordSubjects.ALL) {
            return !instrument;
        }
        return id >= 0 && (filter.equals("#" + id) || filter.equals(instrument ? text.instrument(id)
            : text.portfolio(id)));
    }

    private String describe(final DirectBuffer buffer, final int at) {
        try {
            return text.describe(buffer, at);
        } catch (final RuntimeException ex) {
            // A record that verified but does not parse (a CONFIG record written by another version, say).
            return JournalRecords.name(buffer.getShort(at + JournalRecords.TYPE_OFFSET)) + " (unreadable: "
                + ex.getMessage() + ")";
        }
    }

    /** Lines printed. */
    long shown() {
        return shown;
    }

    /**
     * One order's story, in the journal's order: why it was sent (the input that caused it, and what the engine
     * decided on that input for the order's portfolio), then what became of it (every record naming the order or
     * one of its requests, the inputs that caused those requests with the rebalance they triggered, and the
     * rejections of inputs about it).
     */
    static final class OrderStory {
        private final Set<Long> family;
        private final long cause;
        private final int portfolio;
        private final Set<Long> requestCauses;
        private final Set<Long> storyInputs = new HashSet<>();
        private final boolean whyOnly;
        private final String title;
        private boolean whyHeaded;
        private boolean lifeHeaded;

        /** @param title names the order in the headings */
        OrderStory(final JournalIndex index, final long order, final boolean whyOnly, final String title) {
            family = index.family(order);
            cause = index.cause(order);
            portfolio = index.portfolio(order);
            requestCauses = index.requestCauses(family);
            this.whyOnly = whyOnly;
            this.title = title;
        }

        boolean contains(final DirectBuffer buffer, final int at, final int type, final RecordSubjects subjects) {
            final long sequence = buffer.getLong(at + JournalRecords.SEQUENCE_OFFSET);
            final boolean namesOrder = subjects.orderId() != 0 && family.contains(subjects.orderId())
                || subjects.otherOrderId() != 0 && family.contains(subjects.otherOrderId());
            if (JournalRecords.isInput(type)) {
                final boolean in = namesOrder || sequence == cause || requestCauses.contains(sequence);
                if (in) {
                    storyInputs.add(sequence);
                }
                return in;
            }
            if (!JournalRecords.isDecision(type)) {
                return false;
            }
            if (namesOrder) {
                return true;
            }
            if (type == JournalRecords.INPUT_REJECTED || type == JournalRecords.ENGINE_FAULT) {
                return storyInputs.contains(sequence);
            }
            if (sequence == cause) {
                return subjects.portfolio() == portfolio;
            }
            return requestCauses.contains(sequence) && type == JournalRecords.REBALANCE_TRIGGERED
                && subjects.portfolio() == portfolio;
        }

        /**
         * Prints the heading of the part of the story this record belongs to, the first time.
         *
         * @return false when the record is not in the part asked for ({@code --why} asks for the first only)
         */
        boolean heading(final DirectBuffer buffer, final int at, final PrintStream out) {
            final boolean why = cause >= 0 && buffer.getLong(at + JournalRecords.SEQUENCE_OFFSET) == cause;
            if (why && !whyHeaded) {
                out.println(title + ": why it was sent: input " + cause + " and what the engine decided on it");
                whyHeaded = true;
            } else if (!why && whyOnly) {
                return false;
            } else if (!why && !lifeHeaded) {
                out.println(title + ": what became of it" + (cause < 0
                    ? " (the input that caused it is not in this journal)" : ""));
                lifeHeaded = true;
            }
            return true;
        }
    }
}

package io.rebalancer.engine.journaling;

import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.pipeline.InboundEvent;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Feeds journaled inputs to an engine, exactly as the ring handed them (sequence, batch ends), and checks that it
 * decides what the journal says it decided: the same records, field for field, in the same order, each caused by
 * the same input. Used by replay (a whole journal, through a fresh engine) and by a restart (the tail after a
 * snapshot, through the engine about to go live).
 * <p>
 * A journal cut short by a crash may hold an input but not every listener record it caused (those are appended
 * with the batch; orders are appended before they leave, so those are always there): where a session ends
 * without a clean stop, the journal's decisions may be a prefix of the replay's, and that is not a difference.
 */
public final class Replayer implements JournalReader.Handler, RecordBuffer.Drain {
    /** The first decision that differs, with the input that caused it. */
    public record Difference(long inputSequence, String input, String journal, String replay) {
        @Override
        public String toString() {
            return "first difference, after input " + inputSequence + ":\n  input:   " + input + "\n  journal: "
                + journal + "\n  replay:  " + replay;
        }
    }

    /** Builds the engine when the journal's configuration is read: replay starts with none. */
    public interface EngineFactory {
        /** @return the engine, whose order sink and listener are {@code decisions} */
        Engine create(DirectBuffer buffer, int configRecord, DecisionJournal decisions);
    }

    private final InboundEvent event = new InboundEvent();
    private final ExpandableArrayBuffer expected = new ExpandableArrayBuffer(1 << 12);
    private final ExpandableArrayBuffer produced = new ExpandableArrayBuffer(1 << 12);
    private final RecordBuffer replayed = new RecordBuffer(Journal.RECORD_BUFFER_BYTES, RunningHash.GENESIS, this);
    private final RecordText text;
    private final EngineFactory factory;
    private final DecisionJournal decisions;
    private Engine engine;
    private int expectedLength;
    private int producedLength;
    private long lastSequence;
    private long inputs;
    private long decisionsCompared;
    private boolean sessionOpen;
    private boolean cleanStop;
    private Difference difference;
    private final ExpandableArrayBuffer lastInput = new ExpandableArrayBuffer(JournalRecords.EXECUTION_LENGTH);

    /**
     * Replays into a given engine (a restart): {@code decisions} is its sink and listener, switched to record into
     * this replayer until the caller sends it live again.
     *
     * @param lastSequence the last input the engine has already handled (its snapshot's), -1 for none
     */
    public Replayer(final Engine engine, final DecisionJournal decisions, final long lastSequence,
        final RecordText text) {
        this.engine = engine;
        this.decisions = decisions;
        this.lastSequence = lastSequence;
        this.text = text;
        this.factory = null;
        decisions.replayInto(replayed);
    }

    /**
     * Replays a whole journal: the engine is built from its first CONFIG record, its order sink and listener being
     * {@code decisions}, which record into this replayer until the caller sends them live.
     */
    public Replayer(final EngineFactory factory, final DecisionJournal decisions, final RecordText text) {
        this.factory = factory;
        this.decisions = decisions;
        this.text = text;
        this.lastSequence = -1;
        decisions.replayInto(replayed);
    }

    /** Replays a whole journal into a fresh engine whose decisions go nowhere else. */
    public Replayer(final EngineFactory factory, final RecordText text) {
        this(factory, new DecisionJournal(io.rebalancer.engine.core.NoOpEngineListener.INSTANCE, NoOrders.INSTANCE),
            text);
    }

    @Override
    public boolean onRecord(final DirectBuffer buffer, final int offset, final long documentIndex) {
        final int type = buffer.getShort(offset + JournalRecords.TYPE_OFFSET);
        final int length = buffer.getInt(offset + JournalRecords.LENGTH_OFFSET);
        if (JournalRecords.isInput(type)) {
            final long sequence = buffer.getLong(offset + JournalRecords.SEQUENCE_OFFSET);
            if (sequence <= lastSequence) {
                return true;
            }
            if (engine == null) {
                difference = new Difference(sequence, text.describe(buffer, offset), "an input before any CONFIG",
                    "no engine to replay it through");
                return false;
            }
            if (!compare()) {
                return false;
            }
            lastInput.putBytes(0, buffer, offset, length);
            feed(buffer, offset, sequence);
        } else if (JournalRecords.isDecision(type)) {
            expected.putBytes(expectedLength, buffer, offset, length);
            expectedLength += length;
        } else if (type == JournalRecords.CONFIG && engine == null && factory != null) {
            engine = factory.create(buffer, offset, decisions);
        } else if (type == JournalRecords.SESSION_START) {
            if (!sessionBoundary()) {
                return false;
            }
            sessionOpen = true;
            cleanStop = false;
        } else if (type == JournalRecords.SESSION_STOP) {
            cleanStop = true;
        }
        return true;
    }

    private void feed(final DirectBuffer buffer, final int offset, final long sequence) {
        InputRecords.read(buffer, offset, event);
        decisions.inputSequence(sequence);
        try {
            engine.onEvent(event, sequence, InputRecords.endsBatch(buffer, offset));
        } catch (final RuntimeException ex) {
            // What the live pipeline's exception handler does with a fault, so replay meets the same one.
            engine.onFault(sequence, ex);
        }
        replayed.flush();
        lastSequence = sequence;
        inputs++;
    }

    /** A new session starts: what the last one decided must all be there, unless it ended in a crash. */
    private boolean sessionBoundary() {
        if (sessionOpen && !cleanStop && expectedLength < producedLength && isPrefix()) {
            // The crash lost these decisions; the restart that followed journaled them again, flagged RECREATED,
            // right after its first records: they are compared with what is left here at the next input.
            decisionsCompared += countRecords(expected, expectedLength);
            produced.putBytes(0, produced, expectedLength, producedLength - expectedLength);
            producedLength -= expectedLength;
            expectedLength = 0;
            return true;
        }
        return compare();
    }

    /**
     * Compares what the journal and the replay decided since the last input, and clears both.
     *
     * @return false at the first difference
     */
    private boolean compare() {
        int e = 0;
        int p = 0;
        while (e < expectedLength && p < producedLength) {
            final int length = expected.getInt(e + JournalRecords.LENGTH_OFFSET);
            if (!sameRecord(expected, e, produced, p)) {
                difference = new Difference(lastSequence, describeLastInput(), text.describe(expected, e),
                    text.describe(produced, p));
                return false;
            }
            decisionsCompared++;
            e += length;
            p += produced.getInt(p + JournalRecords.LENGTH_OFFSET);
        }
        if (e < expectedLength || p < producedLength) {
            difference = new Difference(lastSequence, describeLastInput(),
                e < expectedLength ? text.describe(expected, e) : "(nothing more)",
                p < producedLength ? text.describe(produced, p) : "(nothing more)");
            return false;
        }
        expectedLength = 0;
        producedLength = 0;
        return true;
    }

    private boolean isPrefix() {
        int at = 0;
        while (at < expectedLength) {
            if (!sameRecord(expected, at, produced, at)) {
                return false;
            }
            at += expected.getInt(at + JournalRecords.LENGTH_OFFSET);
        }
        return true;
    }

    /**
     * Equal but for the chain value, which depends on where each stream started, and the RECREATED flag, which says
     * when a decision was journaled, not what it was.
     */
    private static boolean sameRecord(final DirectBuffer a, final int at, final DirectBuffer b, final int bt) {
        final int length = a.getInt(at + JournalRecords.LENGTH_OFFSET);
        if (length != b.getInt(bt + JournalRecords.LENGTH_OFFSET)
            || a.getShort(at + JournalRecords.TYPE_OFFSET) != b.getShort(bt + JournalRecords.TYPE_OFFSET)
            || ((a.getShort(at + JournalRecords.FLAGS_OFFSET) ^ b.getShort(bt + JournalRecords.FLAGS_OFFSET))
            & ~JournalRecords.RECREATED) != 0) {
            return false;
        }
        for (int i = JournalRecords.BODY_OFFSET; i < length; i += Long.BYTES) {
            if (a.getLong(at + i) != b.getLong(bt + i)) {
                return false;
            }
        }
        return true;
    }

    private static long countRecords(final DirectBuffer buffer, final int length) {
        long count = 0;
        for (int at = 0; at < length; at += buffer.getInt(at + JournalRecords.LENGTH_OFFSET)) {
            count++;
        }
        return count;
    }

    private String describeLastInput() {
        return inputs == 0 ? "(none)" : text.describe(lastInput, 0);
    }

    @Override
    public void drain(final byte[] bytes, final UnsafeBuffer buffer, final int length) {
        produced.putBytes(producedLength, buffer, 0, length);
        producedLength += length;
    }

    /**
     * Compares what the last input caused; call once the read ended.
     *
     * @return null when every decision matched, otherwise the first difference
     */
    public Difference finish() {
        if (difference == null && !(sessionOpen && !cleanStop && isPrefix() && expectedLength <= producedLength)) {
            compare();
        }
        return difference;
    }

    /**
     * After {@link #finish()} on a journal whose last session did not stop cleanly: the decisions the engine made
     * again for the last inputs that the journal lacks (the process died before appending them), in
     * {@code [recreatedOffset(), recreatedEnd())} of {@link #recreated()}. A restart journals them, flagged
     * {@link JournalRecords#RECREATED}, so every order the engine holds has its record.
     */
    public DirectBuffer recreated() {
        return produced;
    }

    public int recreatedOffset() {
        return difference == null && sessionOpen && !cleanStop && expectedLength <= producedLength ? expectedLength
            : producedLength;
    }

    public int recreatedEnd() {
        return producedLength;
    }

    /** The engine, null until a CONFIG record was read (replay of a whole journal). */
    public Engine engine() {
        return engine;
    }

    public long inputs() {
        return inputs;
    }

    public long decisionsCompared() {
        return decisionsCompared;
    }

    /** The last input sequence handed to the engine (or the one it started after). */
    public long lastSequence() {
        return lastSequence;
    }

    /** An order sink for replay: nothing leaves. */
    static final class NoOrders implements io.rebalancer.engine.core.OrderSink {
        static final NoOrders INSTANCE = new NoOrders();

        @Override
        public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
            final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        }

        @Override
        public void onCancelOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
            final int portfolioId, final int instrumentId, final byte side, final long orderQuantity) {
        }

        @Override
        public void onReplaceOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
            final int portfolioId, final int instrumentId, final byte side, final long orderQuantity,
            final long limitPrice) {
        }

        @Override
        public void onStatusRequest(final long timeNanos, final long clientOrderId, final int portfolioId,
            final int instrumentId, final byte side, final long orderQuantity) {
        }
    }
}

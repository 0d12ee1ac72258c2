package io.rebalancer.engine.journaling;

import com.lmax.disruptor.EventHandler;
import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.pipeline.FaultHandler;
import io.rebalancer.engine.pipeline.InboundEvent;

/**
 * The engine's stage of the inbound ring when a journal is kept: records each input, then lets the engine handle
 * it, on the engine thread. Journaling on the engine's own thread (rather than in a stage before it) is what
 * records the engine's batch boundaries exactly: the engine judges drift at the end of each batch the ring hands
 * it, and replay must end batches at the same inputs to reach the same decisions. It also keeps one writer and one
 * order: input, the decisions it caused, next input.
 * <p>
 * Inputs are assembled in the journal's buffer and appended once per batch, or sooner when the engine hands an
 * order to the venue side ({@link DecisionJournal} flushes first): nothing leaves before the inputs that caused
 * it are in the journal. An input not yet appended when the process dies was never acted on outside it.
 * <p>
 * Sequences: the journal numbers inputs across the daemon's whole life. The ring's sequence restarts at 0 with
 * each process, so the handler adds the first sequence of this session ({@code firstSequence}: one past the last
 * input recovered from the journal).
 */
public final class JournalingHandler implements EventHandler<InboundEvent>, FaultHandler {
    private final Engine engine;
    private final RecordBuffer records;
    private final DecisionJournal decisions;
    private final long firstSequence;
    private final SnapshotPolicy snapshots;
    private long lastSequence;
    private long lastSourceSequence;

    /**
     * @param decisions the engine's order sink and listener, writing to the same {@code records}
     * @param snapshots when to snapshot the engine; {@link SnapshotPolicy#NEVER} for none
     */
    public JournalingHandler(final Engine engine, final RecordBuffer records, final DecisionJournal decisions,
        final long firstSequence, final SnapshotPolicy snapshots) {
        this.engine = engine;
        this.records = records;
        this.decisions = decisions;
        this.firstSequence = firstSequence;
        this.snapshots = snapshots;
        lastSequence = firstSequence - 1;
    }

    @Override
    public void onEvent(final InboundEvent event, final long ringSequence, final boolean endOfBatch) {
        final long sequence = firstSequence + ringSequence;
        lastSequence = sequence;
        if (event.type() == InboundEvent.EXECUTION && event.sourceSequence() > 0) {
            lastSourceSequence = event.sourceSequence();
        }
        InputRecords.append(records, event, sequence, endOfBatch);
        decisions.inputSequence(sequence);
        engine.onEvent(event, sequence, endOfBatch);
        if (endOfBatch) {
            records.flush();
            snapshots.afterBatch(sequence);
        }
    }

    /** The pipeline's exception handler reports ring sequences; the engine knows inputs by journal sequence. */
    @Override
    public void onFault(final long ringSequence, final Throwable fault) {
        engine.onFault(ringSequence < 0 ? ringSequence : firstSequence + ringSequence, fault);
    }

    /** The last input journaled; engine thread, or after it stopped. */
    public long lastSequence() {
        return lastSequence;
    }

    /**
     * The source sequence (FIX MsgSeqNum) of the last execution journaled with one, or what the session started
     * with; engine thread, or after it stopped.
     */
    public long lastSourceSequence() {
        return lastSourceSequence;
    }

    /** Starts the count of source sequences from what recovery found in the journal. */
    public void lastSourceSequence(final long recovered) {
        lastSourceSequence = recovered;
    }

    /** The journal's sequence of the input at this ring sequence. */
    public long journalSequence(final long ringSequence) {
        return firstSequence + ringSequence;
    }
}

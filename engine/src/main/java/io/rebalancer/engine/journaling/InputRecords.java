package io.rebalancer.engine.journaling;

import io.rebalancer.engine.pipeline.InboundEvent;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Inputs to records and back: one record per ring slot, only the fields its kind uses, so replay can set a slot
 * exactly as the ring carried it.
 */
public final class InputRecords {
    private InputRecords() {
    }

    /** Appends the input as a record (assembled, not yet flushed). */
    public static void append(final RecordBuffer records, final InboundEvent event, final long sequence,
        final boolean endOfBatch) {
        final int flags = endOfBatch ? JournalRecords.END_OF_BATCH : 0;
        final UnsafeBuffer buffer = records.buffer();
        final int at;
        switch (event.type()) {
            case InboundEvent.TICK:
                at = records.begin(JournalRecords.TICK, flags, JournalRecords.TICK_LENGTH, sequence, event.timeNanos());
                buffer.putInt(at + JournalRecords.TICK_INSTRUMENT, event.instrumentId());
                buffer.putLong(at + JournalRecords.TICK_BID, event.bid());
                buffer.putLong(at + JournalRecords.TICK_ASK, event.ask());
                buffer.putLong(at + JournalRecords.TICK_LAST, event.last());
                break;
            case InboundEvent.EXECUTION:
                at = records.begin(JournalRecords.EXECUTION, flags, JournalRecords.EXECUTION_LENGTH, sequence,
                    event.timeNanos());
                buffer.putInt(at + JournalRecords.EXEC_TYPE, event.execType());
                buffer.putInt(at + JournalRecords.EXEC_ORDER_STATUS, event.orderStatus());
                buffer.putLong(at + JournalRecords.EXEC_CLIENT_ORDER_ID, event.clientOrderId());
                buffer.putLong(at + JournalRecords.EXEC_ID, event.executionId());
                buffer.putLong(at + JournalRecords.EXEC_LAST_QUANTITY, event.lastQuantity());
                buffer.putLong(at + JournalRecords.EXEC_LAST_PRICE, event.lastPrice());
                buffer.putLong(at + JournalRecords.EXEC_LEAVES, event.leavesQuantity());
                buffer.putLong(at + JournalRecords.EXEC_CUMULATIVE, event.cumulativeQuantity());
                buffer.putLong(at + JournalRecords.EXEC_AVERAGE_PRICE, event.averagePrice());
                buffer.putLong(at + JournalRecords.EXEC_SOURCE_SEQUENCE, event.sourceSequence());
                break;
            case InboundEvent.TIMER:
                at = records.begin(JournalRecords.TIMER, flags, JournalRecords.BARE_LENGTH, sequence,
                    event.timeNanos());
                break;
            case InboundEvent.COMMAND:
                at = records.begin(JournalRecords.COMMAND, flags, JournalRecords.COMMAND_LENGTH, sequence,
                    event.timeNanos());
                buffer.putInt(at + JournalRecords.COMMAND_CODE, event.command());
                buffer.putInt(at + JournalRecords.COMMAND_TARGET, event.target());
                buffer.putLong(at + JournalRecords.COMMAND_ARGUMENT, event.argument());
                break;
            default:
                at = records.begin(JournalRecords.UNKNOWN_INPUT, flags, JournalRecords.COMMAND_LENGTH, sequence,
                    event.timeNanos());
                buffer.putInt(at + JournalRecords.COMMAND_CODE, event.type());
                break;
        }
        records.end(at);
    }

    /**
     * Sets {@code event} to the input recorded at {@code at}.
     *
     * @return false when the record is not an input
     */
    public static boolean read(final DirectBuffer buffer, final int at, final InboundEvent event) {
        final long time = buffer.getLong(at + JournalRecords.TIME_OFFSET);
        switch (buffer.getShort(at + JournalRecords.TYPE_OFFSET)) {
            case JournalRecords.TICK:
                event.tick(time, buffer.getInt(at + JournalRecords.TICK_INSTRUMENT),
                    buffer.getLong(at + JournalRecords.TICK_BID), buffer.getLong(at + JournalRecords.TICK_ASK),
                    buffer.getLong(at + JournalRecords.TICK_LAST));
                return true;
            case JournalRecords.EXECUTION:
                event.execution(time, buffer.getLong(at + JournalRecords.EXEC_CLIENT_ORDER_ID),
                    buffer.getLong(at + JournalRecords.EXEC_ID), buffer.getInt(at + JournalRecords.EXEC_TYPE),
                    buffer.getLong(at + JournalRecords.EXEC_LAST_QUANTITY),
                    buffer.getLong(at + JournalRecords.EXEC_LAST_PRICE),
                    buffer.getLong(at + JournalRecords.EXEC_LEAVES))
                    .restoreStatus(buffer.getInt(at + JournalRecords.EXEC_ORDER_STATUS),
                        buffer.getLong(at + JournalRecords.EXEC_CUMULATIVE),
                        buffer.getLong(at + JournalRecords.EXEC_AVERAGE_PRICE))
                    .sourceSequence(buffer.getLong(at + JournalRecords.EXEC_SOURCE_SEQUENCE));
                return true;
            case JournalRecords.TIMER:
                event.timer(time);
                return true;
            case JournalRecords.COMMAND:
                event.command(time, buffer.getInt(at + JournalRecords.COMMAND_CODE),
                    buffer.getInt(at + JournalRecords.COMMAND_TARGET),
                    buffer.getLong(at + JournalRecords.COMMAND_ARGUMENT));
                return true;
            case JournalRecords.UNKNOWN_INPUT:
                event.unknown(time, buffer.getInt(at + JournalRecords.COMMAND_CODE));
                return true;
            default:
                return false;
        }
    }

    public static boolean endsBatch(final DirectBuffer buffer, final int at) {
        return (buffer.getShort(at + JournalRecords.FLAGS_OFFSET) & JournalRecords.END_OF_BATCH) != 0;
    }
}

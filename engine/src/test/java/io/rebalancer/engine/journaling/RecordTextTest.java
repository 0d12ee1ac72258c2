package io.rebalancer.engine.journaling;

import io.rebalancer.engine.pipeline.InboundEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecordTextTest {
    private final RecordBuffer records = new RecordBuffer(1 << 12, RunningHash.GENESIS, (bytes, buffer, length) -> {
    });
    private final RecordText text = new RecordText();

    /** A session opened on a new engine is stamped with its clock before any event: Long.MIN_VALUE, not 1677. */
    @Test
    void shouldShowARecordStampedBeforeAnyEventWithoutATime() {
        final int at = records.begin(JournalRecords.SESSION_STOP, 0, JournalRecords.BARE_LENGTH, -1, Long.MIN_VALUE);
        records.end(at);

        assertEquals("-1       (before any event)             SESSION_STOP        ",
            text.describe(records.buffer(), at));
    }

    @Test
    void shouldShowAnEventTimeInUtc() {
        final InboundEvent tick = new InboundEvent().tick(1_774_618_200_000_000_000L, 7, 99_990_000, 100_010_000,
            100_000_000);
        InputRecords.append(records, tick, 12, true);

        assertEquals("12       2026-03-27T13:30:00Z           TICK                #7 bid 99.99 ask 100.01 last 100.00"
            + " [end of batch]", text.describe(records.buffer(), 0));
    }
}

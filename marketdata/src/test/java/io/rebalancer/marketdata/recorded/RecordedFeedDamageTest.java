package io.rebalancer.marketdata.recorded;

import io.rebalancer.engine.domain.InstrumentUniverse;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.rebalancer.marketdata.recorded.Recordings.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Folders that are not recordings are refused at open with the folder and the fix; damage ends a feed cleanly. */
@Timeout(60)
class RecordedFeedDamageTest {
    private static final InstrumentUniverse AB = Recordings.universe("AAA", "BBB");

    @TempDir
    Path dir;

    @Test
    void shouldRefuseAMissingFolderAFileAndAFolderWithoutAQueue() throws IOException {
        refused(dir.resolve("nowhere"), "the folder does not exist");
        assertFalse(Files.exists(dir.resolve("nowhere")), "looking must not create it");
        refused(Files.writeString(dir.resolve("file"), "x"), "it is a file");
        refused(Files.createDirectory(dir.resolve("empty")), "holds no recording (no Chronicle .cq4 files)");
    }

    @Test
    void shouldRefuseFilesThatAreNotAQueue() throws IOException {
        final Path garbage = Files.createDirectory(dir.resolve("garbage"));
        Files.writeString(garbage.resolve("20260101F.cq4"), "not a queue at all, ".repeat(100));
        refused(garbage, "name a folder a feed recorder wrote");
    }

    @Test
    void shouldRefuseAQueueThatIsNotARecording() {
        // The engine's journal, say: its first document starts with a record length, not a recording's header.
        Recordings.appendRaw(dir, out -> {
            out.writeInt(64);
            out.writeShort((short)64);
            out.writeShort((short)0);
            out.writeLong(0x1234_5678L);
            out.writeLong(-1);
            out.writeLong(0);
        });
        refused(dir, "is not a market-data recording");
    }

    @Test
    void shouldRefuseARecordingOfAnotherFormatVersion() {
        Recordings.appendRaw(dir, out -> {
            out.writeInt(RecordingFormat.HEADER);
            out.writeInt(RecordingFormat.VERSION + 1);
            out.writeLong(RecordingFormat.MAGIC);
            out.writeInt(0);
            out.writeInt(0);
        });
        refused(dir, "has format version " + (RecordingFormat.VERSION + 1) + ", this build reads version "
            + RecordingFormat.VERSION + ": replay it with the build that recorded it");
    }

    @Test
    void shouldRefuseADamagedHeader() {
        Recordings.appendRaw(dir, out -> {
            out.writeInt(RecordingFormat.HEADER);
            out.writeInt(RecordingFormat.VERSION);
            out.writeLong(RecordingFormat.MAGIC);
            out.writeInt(2);
            out.writeInt(1_000);
        });
        refused(dir, "has a damaged header");
    }

    private void refused(final Path folder, final String why) {
        final RecordingException refused = assertThrows(RecordingException.class,
            () -> RecordedFeed.open(folder, AB, 0).close());
        assertTrue(refused.getMessage().contains(folder.toAbsolutePath().toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    @Test
    void shouldReplayUpToATornLastRecordAndReportIt() {
        final CallLog recorded = new CallLog();
        final FeedRecorder recorder = FeedRecorder.open(dir, AB, "torn", recorded);
        recorder.onTick(START, 0, 100, 102, 0, 0, 1);
        recorder.onUnknownSymbol(START + 1, "XYZ");
        recorder.onTick(START + 2, 1, 200, 202, 0, 0, 1);
        recorder.abandon();
        // What a crash half-way through a tick would leave if the queue had committed it: the first 20 bytes.
        Recordings.appendRaw(dir, out -> {
            out.writeInt(RecordingFormat.TICK);
            out.writeInt(0);
            out.writeLong(START + 3);
            out.writeInt(101);
        });
        final CallLog replayed = new CallLog();
        try (RecordedFeed feed = RecordedFeed.open(dir, AB, 0)) {
            assertEquals(3, Recordings.replayAll(feed, replayed));
            assertTrue(feed.finished());
            assertEquals(1, feed.damaged());
            assertEquals("1 damaged document skipped, the first document 5 of the recording: a tick of 20 bytes,"
                + " expected 56; it ends without its end record: the recorder did not close (it crashed, or is still"
                + " recording); replayed up to its last whole record", feed.problems());
        }
        assertEquals(recorded.calls(), replayed.calls());
    }

    @Test
    void shouldEndCleanlyAtADocumentACrashLeftHalfWritten() {
        final CallLog recorded = new CallLog();
        final FeedRecorder recorder = FeedRecorder.open(dir, AB, "crashed", recorded);
        recorder.onTick(START, 0, 100, 102, 0, 0, 1);
        recorder.onTick(START + 1, 1, 200, 202, 0, 0, 1);
        recorder.abandon();
        try (ChronicleQueue queue = RecordingFolder.queue(dir, SystemTimeProvider.INSTANCE, false);
            ExcerptAppender appender = queue.createAppender()) {
            // A writer killed inside its append: the document's header still says it is being written.
            final DocumentContext dying = appender.writingDocument();
            dying.wire().bytes().writeInt(RecordingFormat.TICK);
            dying.wire().bytes().writeInt(1);
            final CallLog replayed = new CallLog();
            try (RecordedFeed feed = RecordedFeed.open(dir, AB, 0)) {
                assertEquals(2, Recordings.replayAll(feed, replayed));
                assertEquals(0, feed.damaged());
                assertNotNull(feed.problems());
                assertTrue(feed.problems().startsWith("it ends without its end record"), feed.problems());
            }
            assertEquals(recorded.calls(), replayed.calls());
            dying.rollbackOnClose();
            dying.close();
        }
    }

    @Test
    void shouldSkipADamagedRecordInTheMiddleAndCountIt() {
        final FeedRecorder recorder = FeedRecorder.open(dir, AB, "damaged", new CallLog());
        recorder.onTick(START, 0, 100, 102, 0, 0, 1);
        recorder.abandon();
        Recordings.appendRaw(dir, out -> out.writeLong(0x0bad_0bad_0bad_0badL));
        Recordings.appendRaw(dir, out -> out.writeShort((short)1));
        Recordings.appendRaw(dir, out -> Recordings.tickRecord(out, START + 2, 1, 200, 202));
        Recordings.appendRaw(dir, out -> {
            out.writeInt(RecordingFormat.END);
            out.writeInt(0);
            out.writeLong(2);
        });
        final CallLog replayed = new CallLog();
        try (RecordedFeed feed = RecordedFeed.open(dir, AB, 0)) {
            Recordings.replayAll(feed, replayed);
            assertEquals(2, feed.damaged());
            assertEquals("2 damaged documents skipped, the first document 3 of the recording: unknown record type"
                + " 0xbad0bad (8 bytes)", feed.problems());
        }
        assertEquals(List.of(CallLog.Call.tick(START, 0, 100, 102, 0, 0, 1),
            CallLog.Call.tick(START + 2, 1, 200, 202, 0, 0, 0)), replayed.calls());
    }

    @Test
    void shouldReportAnEndRecordThatCountsOtherThanWasRead() {
        final FeedRecorder recorder = FeedRecorder.open(dir, AB, "miscounted", new CallLog());
        recorder.onTick(START, 0, 100, 102, 0, 0, 1);
        recorder.abandon();
        Recordings.appendRaw(dir, out -> {
            out.writeInt(RecordingFormat.END);
            out.writeInt(0);
            out.writeLong(5);
        });
        try (RecordedFeed feed = RecordedFeed.open(dir, AB, 0)) {
            assertEquals(1, Recordings.replayAll(feed, new CallLog()));
            assertEquals("its end record counts 5 calls recorded, 1 were read", feed.problems());
        }
    }
}

package io.rebalancer.marketdata.recorded;

import io.rebalancer.engine.domain.InstrumentUniverse;
import net.openhft.chronicle.bytes.Bytes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording's binary layout, in one place. One record per Chronicle document, written as raw little-endian
 * bytes (no Wire field names), each starting with its type:
 * <pre>
 *   HEADER          0 int type  4 int version      8 long magic  16 int instruments, then per instrument id:
 *                   int length + UTF-8 symbol; then int length + UTF-8 description of what was recorded
 *   TICK            0 int type  4 int instrument   8 long time  16 long bid  24 long ask  32 long last
 *                  40 long size  48 long sequence   (56 bytes)
 *   UNKNOWN_SYMBOL  0 int type  4 int characters   8 long time  16 the symbol, two bytes per UTF-16 char
 *   END             0 int type  4 int 0            8 long calls recorded                  (16 bytes)
 *   SEQUENCE_RESET  0 int type  4 int instrument                                          (8 bytes, version 2)
 * </pre>
 * The HEADER is the first document and is written when the recording opens; END when it closes, so a recording
 * without one was cut short. A change to any layout here takes a new {@link #VERSION}.
 */
final class RecordingFormat {
    /** The layout version this build writes; it reads this and version 1, which had no SEQUENCE_RESET. */
    static final int VERSION = 2;
    /** "RBLRECRD": tells a recording from any other Chronicle queue (the engine's journal, say). */
    static final long MAGIC = 0x4452_4345_524c_4252L;

    // Types are ASCII letters, to spot in a hex dump of the queue's files.
    static final int HEADER = 0x48;
    static final int TICK = 0x54;
    static final int UNKNOWN_SYMBOL = 0x55;
    static final int END = 0x45;
    static final int SEQUENCE_RESET = 0x52;

    static final int TICK_LENGTH = 56;
    static final int UNKNOWN_SYMBOL_FIXED = 16;
    static final int END_LENGTH = 16;
    static final int SEQUENCE_RESET_LENGTH = 8;
    private static final int HEADER_FIXED = 20;
    /**
     * The most characters of an unknown symbol recorded: a feed's symbols are a few characters, and this keeps a
     * garbled field from writing megabytes per call. A longer one is recorded cut to this.
     */
    static final int MAX_SYMBOL_CHARS = 1024;
    /** Past this many instruments or header text bytes, a header is damage, not a configuration. */
    private static final int MAX_HEADER_COUNT = 1 << 20;

    /** What a recording's HEADER says. */
    record Header(int version, List<String> symbols, String description) {
    }

    private RecordingFormat() {
    }

    static void writeHeader(final Bytes<?> out, final InstrumentUniverse universe, final String description) {
        out.writeInt(HEADER);
        out.writeInt(VERSION);
        out.writeLong(MAGIC);
        out.writeInt(universe.size());
        for (int id = 0; id < universe.size(); id++) {
            writeText(out, universe.get(id).symbol());
        }
        writeText(out, description);
    }

    private static void writeText(final Bytes<?> out, final String text) {
        final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /**
     * Reads the HEADER at the start of a recording's first document.
     *
     * @throws RecordingException naming {@code dir} when the document is not a recording's header or is of another
     *                            version
     */
    static Header readHeader(final Bytes<?> in, final Path dir) {
        if (in.readRemaining() < HEADER_FIXED) {
            throw notARecording(dir);
        }
        final int type = in.readInt();
        final int version = in.readInt();
        final long magic = in.readLong();
        if (type != HEADER || magic != MAGIC) {
            throw notARecording(dir);
        }
        if (version != VERSION && version != 1) {
            throw new RecordingException("the recording in " + dir + " has format version " + version + ", this"
                + " build reads version " + VERSION + ": replay it with the build that recorded it, or record the"
                + " source again with this one");
        }
        final int instruments = count(in, dir, "instrument count");
        final List<String> symbols = new ArrayList<>(instruments);
        for (int id = 0; id < instruments; id++) {
            symbols.add(readText(in, dir));
        }
        return new Header(version, List.copyOf(symbols), readText(in, dir));
    }

    private static String readText(final Bytes<?> in, final Path dir) {
        final int length = count(in, dir, "text length");
        if (length > in.readRemaining()) {
            throw damagedHeader(dir, "text of " + length + " bytes, " + in.readRemaining() + " left");
        }
        final byte[] utf8 = new byte[length];
        in.read(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static int count(final Bytes<?> in, final Path dir, final String what) {
        if (in.readRemaining() < Integer.BYTES) {
            throw damagedHeader(dir, "it ends before its " + what);
        }
        final int count = in.readInt();
        if (count < 0 || count > MAX_HEADER_COUNT) {
            throw damagedHeader(dir, what + " " + count);
        }
        return count;
    }

    static RecordingException notARecording(final Path dir) {
        return new RecordingException(dir + " is not a market-data recording (its first document is not a"
            + " recording's header: a journal, or another queue?): name a folder a feed recorder wrote");
    }

    private static RecordingException damagedHeader(final Path dir, final String why) {
        return new RecordingException("the recording in " + dir + " has a damaged header (" + why + "): record the"
            + " source again");
    }
}

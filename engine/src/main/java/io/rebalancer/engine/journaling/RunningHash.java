package io.rebalancer.engine.journaling;

import org.agrona.DirectBuffer;

/**
 * The chain that makes the journal tamper-evident: each record stores a 64-bit hash of its own bytes and of the
 * previous record's chain value, so changing, removing or reordering any record breaks every chain value after it.
 * <p>
 * A keyless 64-bit mix (xxHash64's round and avalanche over 8-byte words), not a cryptographic digest: it costs a
 * few nanoseconds per record on the engine thread where SHA-256 would cost most of a microsecond, and it catches
 * disk corruption, torn writes and edits by hand. Someone who rewrites the whole chain on purpose is caught only by
 * a chain value kept elsewhere: the daemon prints the latest one in its summary for that.
 */
final class RunningHash {
    /** The chain value before a journal's first record. */
    static final long GENESIS = 0x5245_4241_4c4a_4e4cL;

    private static final long P1 = 0x9E37_79B1_85EB_CA87L;
    private static final long P2 = 0xC2B2_AE3D_27D4_EB4FL;
    private static final long P3 = 0x1656_67B1_9E37_79F9L;
    private static final long P4 = 0x85EB_CA77_C2B2_AE63L;

    private RunningHash() {
    }

    /**
     * The chain value of the record at {@code offset}: its first eight bytes (length, type, flags) and its body
     * from byte 16 on, after {@code previous}. The chain field itself (bytes 8 to 15) is left out.
     *
     * @param length the record's length, a multiple of eight
     */
    static long next(final long previous, final DirectBuffer buffer, final int offset, final int length) {
        long hash = previous * P1 + length;
        hash = round(hash, buffer.getLong(offset));
        for (int at = offset + JournalRecords.BODY_OFFSET, end = offset + length; at < end; at += Long.BYTES) {
            hash = round(hash, buffer.getLong(at));
        }
        hash ^= hash >>> 33;
        hash *= P2;
        hash ^= hash >>> 29;
        hash *= P3;
        return hash ^ (hash >>> 32);
    }

    /** A word's bits spread over all 64 (xxHash64's avalanche), for hashes that are not a chain. */
    static long mix(final long word) {
        long hash = word * P2;
        hash ^= hash >>> 33;
        hash *= P2;
        hash ^= hash >>> 29;
        hash *= P3;
        return hash ^ (hash >>> 32);
    }

    private static long round(final long hash, final long word) {
        final long mixed = Long.rotateLeft(word * P2, 31) * P1;
        return Long.rotateLeft(hash ^ mixed, 27) * P1 + P4;
    }
}

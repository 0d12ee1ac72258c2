package io.rebalancer.daemon;

import io.rebalancer.engine.journaling.JournalReader;

/**
 * The one-line verdict on a journal's chain of record hashes after a read, and the exit status it stands for:
 * damage that no restart recorded as recovered fails the check, and so do files that hold no record at all (a
 * daemon's journal starts with its session's first record).
 */
final class ChainVerdict {
    private ChainVerdict() {
    }

    static String describe(final JournalReader.Outcome read) {
        if (read.documents() == 0) {
            return "chain EMPTY: no record could be read; the .cq4 files hold no document Chronicle can read";
        }
        final String counts = Text.count(read.records()) + " records in " + Text.count(read.documents())
            + " documents verified, last chain value " + chain(read.chain());
        final JournalReader.Damage damage = read.firstDamage();
        if (damage == null) {
            return "chain OK: " + counts;
        }
        final String damaged = Text.count(read.damagedRecords()) + " damaged record"
            + (read.damagedRecords() == 1 ? "" : "s") + ", the first " + damage;
        if (read.damagedInMiddle()) {
            return "chain DAMAGED before its end: " + damaged + "; good records follow, so the journal cannot be"
                + " trusted past it; " + counts;
        }
        if (read.damagedAtEnd()) {
            return "chain DAMAGED at its end: " + damaged + "; a restart recovers from the last good record; "
                + counts;
        }
        return "chain OK after recovery: " + damaged + ", left out by a restart (RECOVERED); " + counts;
    }

    /**
     * {@link RebalancerDaemon#EXIT_FAILED} for damage not recovered from or no record at all, else
     * {@link RebalancerDaemon#EXIT_OK}.
     */
    static int status(final JournalReader.Outcome read) {
        return read.documents() == 0 || read.damagedAtEnd() || read.damagedInMiddle() ? RebalancerDaemon.EXIT_FAILED
            : RebalancerDaemon.EXIT_OK;
    }

    static String chain(final long value) {
        return String.format("0x%016x", value);
    }
}

package io.rebalancer.fix;

import io.rebalancer.engine.pipeline.ExecType;

/**
 * FIX 4.4 ExecType (tag 150) to the engine's {@link ExecType}. Only the final or fill-bearing kinds move the
 * engine's books; pending, restated, replaced and status reports carry nothing it books, so the gateway counts
 * and drops them.
 */
final class FixExecTypes {
    /** Returned for a FIX ExecType the engine does not book. */
    static final int IGNORED = 0;

    private FixExecTypes() {
    }

    /** @return one of {@link ExecType}'s codes, or {@link #IGNORED} */
    static int toEngine(final char fixExecType) {
        switch (fixExecType) {
            case '0':
                return ExecType.NEW;
            case 'F':
                return ExecType.TRADE;
            case '4':
                return ExecType.CANCELED;
            case '8':
                return ExecType.REJECTED;
            case 'C':
                return ExecType.EXPIRED;
            default:
                return IGNORED;
        }
    }
}

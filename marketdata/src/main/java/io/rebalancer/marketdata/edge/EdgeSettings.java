package io.rebalancer.marketdata.edge;

/**
 * How the market-data edge judges and paces ticks.
 *
 * @param jumpLimitPpm  the largest move, in parts per million of the last good price, that a tick may make before
 *                      it is held for confirmation; 0 turns the check off
 * @param tickHeadroom  ring slots ticks may never take: kept free for executions, timers and commands, which are
 *                      never conflated or dropped, so a flood of ticks cannot delay a fill
 */
public record EdgeSettings(long jumpLimitPpm, int tickHeadroom) {
    /**
     * A quarter of the last good price: far beyond a normal tick's move, inside what a bad print looks like
     * (a misplaced decimal point, a stale or foreign price). Daily closes move more on rare days (single stocks
     * have halved overnight), so a daily backtest may widen it or turn it off.
     */
    public static final long DEFAULT_JUMP_LIMIT_PPM = 250_000;

    public EdgeSettings {
        if (jumpLimitPpm < 0) {
            throw new IllegalArgumentException("jump limit must be 0 (off) or positive, not " + jumpLimitPpm);
        }
        if (tickHeadroom < 0) {
            throw new IllegalArgumentException("tick headroom must be 0 or more slots, not " + tickHeadroom);
        }
    }

    /** The defaults for a ring of {@code ringSize} slots: a quarter of it kept for everything but ticks. */
    public static EdgeSettings defaults(final int ringSize) {
        return new EdgeSettings(DEFAULT_JUMP_LIMIT_PPM, ringSize / 4);
    }
}

package io.rebalancer.engine.risk;

/**
 * Maps an event time to the trading day that daily limits are counted in.
 * <p>
 * An interface rather than a zone so that the gate depends on nothing outside its package: the engine wires in
 * its zone's offset table, tests use {@link #UTC}. Implementations must be pure and allocate nothing, as the gate
 * calls them on the engine thread for every order that passes the cheaper checks.
 */
@FunctionalInterface
public interface TradingDayClock {
    /** Trading days run from midnight to midnight UTC. */
    TradingDayClock UTC = new Utc();

    /**
     * The trading day containing an event time. The gate only compares days for equality, so any numbering
     * works as long as every time of one day maps to the same number.
     *
     * @param epochNanos event time in nanoseconds since the epoch; any value, negative included
     * @return the trading day, e.g. days since the epoch in the trading zone
     */
    long tradingDay(long epochNanos);

    /** A named class, not a lambda, so that the constant is one shared instance with a readable type. */
    final class Utc implements TradingDayClock {
        private static final long NANOS_PER_DAY = 86_400_000_000_000L;

        private Utc() {
        }

        /** Days since 1970-01-01 UTC, rounded down so that times before the epoch land on negative days. */
        @Override
        public long tradingDay(final long epochNanos) {
            return Math.floorDiv(epochNanos, NANOS_PER_DAY);
        }

        @Override
        public String toString() {
            return "TradingDayClock.UTC";
        }
    }
}

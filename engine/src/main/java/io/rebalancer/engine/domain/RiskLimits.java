package io.rebalancer.engine.domain;

/**
 * Pre-trade limits applied to every child order before it may leave the engine.
 *
 * @param maxOrderQuantity   largest quantity of one order, in units
 * @param maxOrderNotional   largest quantity x limit price of one order, in micros
 * @param priceCollarPpm     largest distance of a limit price from the reference (mid) price, in ppm of it
 * @param maxOrdersPerSecond most orders in any one-second window of event time
 * @param maxNotionalPerDay  most notional sent in one trading day (in the engine's zone), in micros
 * @param restricted         per instrument id: true when the instrument may not be traded at all
 * @param initialState       the trading state at start-up
 */
public record RiskLimits(long maxOrderQuantity, long maxOrderNotional, int priceCollarPpm, int maxOrdersPerSecond,
                         long maxNotionalPerDay, boolean[] restricted, TradingState initialState) {
    public RiskLimits {
        if (maxOrderQuantity <= 0 || maxOrderNotional <= 0 || priceCollarPpm <= 0 || maxOrdersPerSecond <= 0
            || maxNotionalPerDay <= 0 || restricted == null || initialState == null) {
            throw new IllegalArgumentException("risk limits must be positive");
        }
        restricted = restricted.clone();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof RiskLimits other && maxOrderQuantity == other.maxOrderQuantity
            && maxOrderNotional == other.maxOrderNotional && priceCollarPpm == other.priceCollarPpm
            && maxOrdersPerSecond == other.maxOrdersPerSecond && maxNotionalPerDay == other.maxNotionalPerDay
            && java.util.Arrays.equals(restricted, other.restricted) && initialState == other.initialState;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(maxOrderQuantity) * 31 + priceCollarPpm;
    }
}

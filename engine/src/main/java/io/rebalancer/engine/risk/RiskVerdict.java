package io.rebalancer.engine.risk;

/**
 * The outcome of one pre-trade check: {@link #ACCEPTED} or the first rule the order broke.
 * <p>
 * A code rather than an exception so that a rejection costs nothing on the engine thread. Each constant carries
 * a constant description for reports. {@link RiskGate} documents the order in which the rules are applied.
 */
public enum RiskVerdict {
    /** Every check passed and the order was recorded against the rate window and the daily notional. */
    ACCEPTED("accepted: passed every pre-trade check"),
    /** The kill switch is {@code HALTED}: nothing may leave. */
    HALTED("rejected: trading is halted"),
    /** The kill switch is {@code REDUCING}: only sells may leave, as the engine never shorts. */
    REDUCING_ONLY("rejected: only reducing orders (sells) may leave while reducing"),
    /** The instrument may not be traded at all. */
    RESTRICTED("rejected: the instrument is restricted"),
    /**
     * Malformed: non-positive quantity, limit or reference price, unknown instrument id, a side that is
     * neither buy nor sell, or a quantity x limit price that does not fit in a long.
     */
    INVALID_ORDER("rejected: invalid order (quantity, price, instrument, side or notional overflow)"),
    /** Quantity above the largest allowed for one order. */
    MAX_QUANTITY("rejected: quantity above the per-order maximum"),
    /** Quantity x limit price above the largest allowed for one order. */
    MAX_NOTIONAL("rejected: notional above the per-order maximum"),
    /** Limit price further from the reference price than the collar allows. */
    PRICE_COLLAR("rejected: limit price outside the collar around the reference price"),
    /** The most orders allowed in one second of event time have already been accepted. */
    RATE_LIMIT("rejected: too many orders in the last second"),
    /** The order would take the notional accepted this trading day above the daily limit. */
    DAILY_NOTIONAL("rejected: daily notional limit would be exceeded"),
    /** Set by the engine, not the gate: the working-order table is full, so the order cannot be tracked. */
    ORDER_CAPACITY("rejected: too many working orders (order-capacity)");

    private final String description;

    RiskVerdict(final String description) {
        this.description = description;
    }

    /** A short, constant, human description for reports and logs off the engine thread; allocates nothing. */
    public String description() {
        return description;
    }
}

package io.rebalancer.engine.core;

/** Why an input event was refused. Each is counted; none stops the engine; none moves a price or a holding. */
public enum InputReject {
    UNKNOWN_INSTRUMENT("tick for an instrument id the engine does not know"),
    NOT_A_NUMBER("price was NaN, infinite or not representable in micros"),
    NON_POSITIVE_PRICE("price was zero or negative, or the tick had neither a two-sided quote nor a last price"),
    CROSSED_QUOTE("bid above ask"),
    ABSURD_PRICE("price above the instrument's configured maximum"),
    TIME_REGRESSION("event time earlier than the last accepted time for the same instrument or clock"),
    UNKNOWN_ORDER("execution report for a client order id the engine has no working order for"),
    INVALID_EXECUTION("execution report with a non-positive quantity or price, or an unknown exec type"),
    DUPLICATE_EXECUTION("execution report whose execution id was already booked (a resend): not booked again"),
    ORDER_FINISHED("acknowledgement, cancel or replace for an order that already finished: nothing to book"),
    UNEXPECTED_REPLY("replace or cancel reject that answers no request the engine has out for the order"),
    OVERFILL("fill larger than the order's remaining quantity: booked as the venue says, and flagged"),
    INVALID_COMMAND("command with an unknown code or out-of-range argument"),
    UNKNOWN_EVENT("event of an unknown type"),
    STATUS_MISMATCH("order status answer shows less filled than the engine booked, or does not know an order that"
        + " filled: the engine's books and the venue's disagree; look at the order");

    private final String description;

    InputReject(final String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}

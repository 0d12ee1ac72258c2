package io.rebalancer.engine.core;

/**
 * Where one of the engine's child orders stands, as the engine knows it from its own requests and the venue's
 * execution reports. States only move forward: an acknowledgement that arrives after a fill does not take a
 * partially filled order back to NEW.
 */
public enum OrderState {
    /** Sent; the venue has not acknowledged it yet. Its quantity already counts as working. */
    PENDING_NEW(false),
    /** Acknowledged by the venue; nothing filled. */
    NEW(false),
    /** Some quantity filled; the rest still works. */
    PARTIALLY_FILLED(false),
    /** A cancel request is out; the order works until the venue confirms. */
    PENDING_CANCEL(false),
    /** A cancel/replace request is out; the order works on its old terms until the venue confirms. */
    PENDING_REPLACE(false),
    /** Everything filled. */
    FILLED(true),
    /** The remainder was cancelled. */
    CANCELED(true),
    /** The venue (or the gateway, when it could not send) refused the order. */
    REJECTED(true),
    /** The remainder expired. */
    EXPIRED(true);

    private final boolean terminal;

    OrderState(final boolean terminal) {
        this.terminal = terminal;
    }

    /** True once no more fills are expected (a late one is still booked). */
    public boolean isTerminal() {
        return terminal;
    }
}

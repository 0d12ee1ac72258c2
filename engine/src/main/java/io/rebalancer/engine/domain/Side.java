package io.rebalancer.engine.domain;

/**
 * Order side as a {@code byte} with FIX's values (tag 54), so it crosses every boundary as a primitive.
 */
public final class Side {
    public static final byte BUY = '1';
    public static final byte SELL = '2';

    private Side() {
    }

    public static String name(final byte side) {
        return side == BUY ? "BUY" : side == SELL ? "SELL" : "?";
    }
}

package io.rebalancer.engine.pipeline;

/** Operator and system commands, carried on the inbound ring so they are ordered with every other input. */
public final class Command {
    /** Set the trading state: argument is the {@code TradingState} ordinal. */
    public static final int SET_TRADING_STATE = 1;
    /** Rebalance the target portfolio (or all with target -1) now, whatever its drift. */
    public static final int REBALANCE_NOW = 2;
    /** Report every portfolio's value and drift to the listener. */
    public static final int REPORT_STATUS = 3;
    /**
     * Cancel every working order of the target portfolio (or all with target -1); argument is the
     * {@code CancelReason} ordinal (OPERATOR or SHUTDOWN). It does not stop new orders: a kill switch sends
     * SET_TRADING_STATE HALTED first, then this.
     */
    public static final int CANCEL_ORDERS = 4;
    /**
     * Ask the venue for the status of every working order (after a restart) and plan no rebalance until the
     * answers are in or the request timeout passed. Target and argument unused.
     */
    public static final int RECONCILE = 5;

    private Command() {
    }
}

package io.rebalancer.daemon;

import io.rebalancer.engine.journaling.JournalRecords;
import io.rebalancer.engine.pipeline.Command;
import org.agrona.DirectBuffer;

/**
 * What one journal record is about, read from its own fields: the instrument, the portfolio and the order ids it
 * names. Which field holds which is the journal's layout ({@link JournalRecords}); a report (EXECUTION) names only a
 * client order id, whose instrument and portfolio the {@link JournalIndex} knows. Reused record after record.
 */
final class RecordSubjects {
    /** No such subject in the record. */
    static final int NONE = -1;
    /** A command aimed at every portfolio, or one that concerns them all (the trading state). */
    static final int ALL = -2;

    private int instrument;
    private int portfolio;
    private long orderId;
    private long otherOrderId;

    /** Reads the subjects of the record at {@code at}. */
    RecordSubjects read(final DirectBuffer b, final int at) {
        instrument = NONE;
        portfolio = NONE;
        orderId = 0;
        otherOrderId = 0;
        switch (b.getShort(at + JournalRecords.TYPE_OFFSET)) {
            case JournalRecords.TICK:
                instrument = b.getInt(at + JournalRecords.TICK_INSTRUMENT);
                break;
            case JournalRecords.EXECUTION:
                orderId = b.getLong(at + JournalRecords.EXEC_CLIENT_ORDER_ID);
                break;
            case JournalRecords.COMMAND:
                command(b.getInt(at + JournalRecords.COMMAND_CODE), b.getInt(at + JournalRecords.COMMAND_TARGET));
                break;
            case JournalRecords.NEW_ORDER:
            case JournalRecords.CANCEL_REQUEST:
            case JournalRecords.REPLACE_REQUEST:
            case JournalRecords.STATUS_REQUEST:
                orderId = b.getLong(at + JournalRecords.ORDER_CLIENT_ORDER_ID);
                otherOrderId = b.getLong(at + JournalRecords.ORDER_ORIGINAL_ID);
                portfolio = b.getInt(at + JournalRecords.ORDER_PORTFOLIO);
                instrument = b.getInt(at + JournalRecords.ORDER_INSTRUMENT);
                break;
            case JournalRecords.REBALANCE_TRIGGERED:
                portfolio = b.getInt(at + JournalRecords.TRIGGER_PORTFOLIO);
                break;
            case JournalRecords.RISK_REJECTED:
                portfolio = b.getInt(at + JournalRecords.RISK_PORTFOLIO);
                instrument = b.getInt(at + JournalRecords.RISK_INSTRUMENT);
                break;
            case JournalRecords.REBALANCE_PLANNED:
                portfolio = b.getInt(at + JournalRecords.PLANNED_PORTFOLIO);
                break;
            case JournalRecords.FILL:
                orderId = b.getLong(at + JournalRecords.FILL_CLIENT_ORDER_ID);
                portfolio = b.getInt(at + JournalRecords.FILL_PORTFOLIO);
                instrument = b.getInt(at + JournalRecords.FILL_INSTRUMENT);
                break;
            case JournalRecords.ORDER_CLOSED:
                orderId = b.getLong(at + JournalRecords.CLOSED_CLIENT_ORDER_ID);
                portfolio = b.getInt(at + JournalRecords.CLOSED_PORTFOLIO);
                break;
            case JournalRecords.ORDER_STATE:
                orderId = b.getLong(at + JournalRecords.STATE_CLIENT_ORDER_ID);
                portfolio = b.getInt(at + JournalRecords.STATE_PORTFOLIO);
                break;
            case JournalRecords.CANCEL_REQUESTED:
            case JournalRecords.REPLACE_REQUESTED:
                orderId = b.getLong(at + JournalRecords.REQUESTED_REQUEST_ID);
                otherOrderId = b.getLong(at + JournalRecords.REQUESTED_CLIENT_ORDER_ID);
                portfolio = b.getInt(at + JournalRecords.REQUESTED_PORTFOLIO);
                break;
            case JournalRecords.PORTFOLIO_STATUS:
                portfolio = b.getInt(at + JournalRecords.STATUS_PORTFOLIO);
                break;
            default:
                break;
        }
        return this;
    }

    private void command(final int code, final int target) {
        switch (code) {
            case Command.REBALANCE_NOW:
            case Command.CANCEL_ORDERS:
            case Command.REPORT_STATUS:
                portfolio = target < 0 ? ALL : target;
                break;
            case Command.SET_TRADING_STATE:
                portfolio = ALL;
                break;
            default:
                break;
        }
    }

    /** The instrument id, or {@link #NONE}. */
    int instrument() {
        return instrument;
    }

    /** The portfolio id, {@link #ALL} or {@link #NONE}. */
    int portfolio() {
        return portfolio;
    }

    /** The order (or request) id the record is about, 0 for none. */
    long orderId() {
        return orderId;
    }

    /** A second id: the order a cancel or replace request is for; 0 for none. */
    long otherOrderId() {
        return otherOrderId;
    }

    /** Whether the record carries its own portfolio (decisions do; inputs and rejections of inputs do not). */
    boolean hasPortfolio() {
        return portfolio >= 0;
    }
}

package io.rebalancer.engine.journaling;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.core.OrderState;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.VenueOrderStatus;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.trigger.TriggerReason;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One journal record as a line a person can read: "why was this order sent?" is answered by the lines that share
 * its input sequence. Off the hot path (the reader, replay's report of a difference): it allocates freely.
 */
public final class RecordText {
    private EngineConfig config;

    /** Names instruments and portfolios from this configuration (the journal's CONFIG record); ids otherwise. */
    public void config(final EngineConfig names) {
        config = names;
    }

    public String describe(final DirectBuffer buffer, final int at) {
        final int type = buffer.getShort(at + JournalRecords.TYPE_OFFSET);
        final long sequence = buffer.getLong(at + JournalRecords.SEQUENCE_OFFSET);
        final long time = buffer.getLong(at + JournalRecords.TIME_OFFSET);
        final String head = String.format("%-8d %-30s %-19s ", sequence, time(time), JournalRecords.name(type));
        return head + fields(buffer, at, type)
            + ((buffer.getShort(at + JournalRecords.FLAGS_OFFSET) & JournalRecords.END_OF_BATCH) != 0
            ? " [end of batch]" : "")
            + ((buffer.getShort(at + JournalRecords.FLAGS_OFFSET) & JournalRecords.RECREATED) != 0
            ? " [journaled on recovery: the crash kept it out]" : "");
    }

    /** An event time; an engine that has seen no event yet has none (its clock reads Long.MIN_VALUE). */
    private static String time(final long epochNanos) {
        return epochNanos == Long.MIN_VALUE ? "(before any event)" : Instant.ofEpochSecond(0, epochNanos).toString();
    }

    private String fields(final DirectBuffer b, final int at, final int type) {
        switch (type) {
            case JournalRecords.TICK:
                return instrument(b.getInt(at + JournalRecords.TICK_INSTRUMENT)) + " bid " + price(b, at
                    + JournalRecords.TICK_BID) + " ask " + price(b, at + JournalRecords.TICK_ASK) + " last "
                    + price(b, at + JournalRecords.TICK_LAST);
            case JournalRecords.EXECUTION:
                return execution(b, at);
            case JournalRecords.TIMER:
            case JournalRecords.SESSION_STOP:
                return "";
            case JournalRecords.COMMAND:
                return command(b.getInt(at + JournalRecords.COMMAND_CODE)) + " target "
                    + b.getInt(at + JournalRecords.COMMAND_TARGET) + " argument "
                    + b.getLong(at + JournalRecords.COMMAND_ARGUMENT);
            case JournalRecords.UNKNOWN_INPUT:
                return "event type " + b.getInt(at + JournalRecords.COMMAND_CODE);
            case JournalRecords.NEW_ORDER:
            case JournalRecords.CANCEL_REQUEST:
            case JournalRecords.REPLACE_REQUEST:
            case JournalRecords.STATUS_REQUEST:
                return order(b, at, type);
            case JournalRecords.INPUT_REJECTED:
                return name(InputReject.values(), b.getInt(at + JournalRecords.REJECT_REASON)) + " subject "
                    + b.getLong(at + JournalRecords.REJECT_SUBJECT);
            case JournalRecords.REBALANCE_TRIGGERED:
                return portfolio(b.getInt(at + JournalRecords.TRIGGER_PORTFOLIO)) + " "
                    + name(TriggerReason.values(), b.getInt(at + JournalRecords.TRIGGER_REASON)) + " drift ratio "
                    + decimal(b, at + JournalRecords.TRIGGER_DRIFT_RATIO) + " portfolio drift "
                    + decimal(b, at + JournalRecords.TRIGGER_PORTFOLIO_DRIFT);
            case JournalRecords.RISK_REJECTED:
                return portfolio(b.getInt(at + JournalRecords.RISK_PORTFOLIO)) + " "
                    + Side.name((byte)b.getInt(at + JournalRecords.RISK_SIDE)) + " "
                    + b.getLong(at + JournalRecords.RISK_QUANTITY) + " "
                    + instrument(b.getInt(at + JournalRecords.RISK_INSTRUMENT)) + " @ "
                    + price(b, at + JournalRecords.RISK_LIMIT_PRICE) + ": "
                    + name(RiskVerdict.values(), b.getInt(at + JournalRecords.RISK_VERDICT));
            case JournalRecords.REBALANCE_PLANNED:
                return portfolio(b.getInt(at + JournalRecords.PLANNED_PORTFOLIO)) + " sent "
                    + b.getInt(at + JournalRecords.PLANNED_SENT) + " stopped by risk "
                    + b.getInt(at + JournalRecords.PLANNED_REJECTED);
            case JournalRecords.FILL:
                return "order " + b.getLong(at + JournalRecords.FILL_CLIENT_ORDER_ID) + " "
                    + portfolio(b.getInt(at + JournalRecords.FILL_PORTFOLIO)) + " "
                    + Side.name((byte)b.getInt(at + JournalRecords.FILL_SIDE)) + " "
                    + b.getLong(at + JournalRecords.FILL_QUANTITY) + " "
                    + instrument(b.getInt(at + JournalRecords.FILL_INSTRUMENT)) + " @ "
                    + price(b, at + JournalRecords.FILL_PRICE) + " leaves "
                    + b.getLong(at + JournalRecords.FILL_LEAVES);
            case JournalRecords.ORDER_CLOSED:
                return "order " + b.getLong(at + JournalRecords.CLOSED_CLIENT_ORDER_ID) + " "
                    + portfolio(b.getInt(at + JournalRecords.CLOSED_PORTFOLIO)) + " "
                    + ExecType.name(b.getInt(at + JournalRecords.CLOSED_EXEC_TYPE)) + " released "
                    + b.getLong(at + JournalRecords.CLOSED_RELEASED);
            case JournalRecords.ORDER_STATE:
                return "order " + b.getLong(at + JournalRecords.STATE_CLIENT_ORDER_ID) + " "
                    + portfolio(b.getInt(at + JournalRecords.STATE_PORTFOLIO)) + " "
                    + name(OrderState.values(), b.getInt(at + JournalRecords.STATE_STATE)) + " filled "
                    + b.getLong(at + JournalRecords.STATE_CUMULATIVE) + " avg "
                    + price(b, at + JournalRecords.STATE_AVERAGE_PRICE) + " leaves "
                    + b.getLong(at + JournalRecords.STATE_LEAVES);
            case JournalRecords.CANCEL_REQUESTED:
                return "order " + b.getLong(at + JournalRecords.REQUESTED_CLIENT_ORDER_ID) + " "
                    + portfolio(b.getInt(at + JournalRecords.REQUESTED_PORTFOLIO)) + " request "
                    + b.getLong(at + JournalRecords.REQUESTED_REQUEST_ID) + " "
                    + name(CancelReason.values(), b.getInt(at + JournalRecords.REQUESTED_REASON));
            case JournalRecords.REPLACE_REQUESTED:
                return "order " + b.getLong(at + JournalRecords.REQUESTED_CLIENT_ORDER_ID) + " "
                    + portfolio(b.getInt(at + JournalRecords.REQUESTED_PORTFOLIO)) + " request "
                    + b.getLong(at + JournalRecords.REQUESTED_REQUEST_ID) + " quantity "
                    + b.getLong(at + JournalRecords.REQUESTED_QUANTITY) + " @ "
                    + price(b, at + JournalRecords.REQUESTED_LIMIT_PRICE);
            case JournalRecords.PORTFOLIO_STATUS:
                return portfolio(b.getInt(at + JournalRecords.STATUS_PORTFOLIO)) + " "
                    + name(DriftStatus.values(), b.getInt(at + JournalRecords.STATUS_STATUS)) + " value "
                    + price(b, at + JournalRecords.STATUS_TOTAL_VALUE) + " cash "
                    + price(b, at + JournalRecords.STATUS_SETTLED_CASH) + " drift ratio "
                    + decimal(b, at + JournalRecords.STATUS_DRIFT_RATIO) + " open orders "
                    + b.getInt(at + JournalRecords.STATUS_OPEN_ORDERS);
            case JournalRecords.ENGINE_FAULT:
                return text(b, at + JournalRecords.FAULT_TEXT, b.getInt(at + JournalRecords.FAULT_TEXT_LENGTH));
            case JournalRecords.SESSION_START:
                return "format " + b.getInt(at + JournalRecords.START_FORMAT_VERSION) + " started "
                    + Instant.ofEpochMilli(b.getLong(at + JournalRecords.START_WALL_CLOCK_MILLIS)) + " (wall clock)"
                    + snapshot(b.getLong(at + JournalRecords.START_SNAPSHOT_SEQUENCE)) + ": "
                    + text(b, at + JournalRecords.START_TEXT, b.getInt(at + JournalRecords.START_TEXT_LENGTH));
            case JournalRecords.CONFIG:
                return ConfigArchive.parse(b, at).toString();
            case JournalRecords.SNAPSHOT_TAKEN:
                return b.getLong(at + JournalRecords.SNAPSHOT_LENGTH) + " bytes, hash 0x"
                    + Long.toHexString(b.getLong(at + JournalRecords.SNAPSHOT_HASH));
            case JournalRecords.RECOVERED:
                return b.getLong(at + JournalRecords.RECOVERED_DAMAGED_RECORDS) + " damaged records left out: "
                    + text(b, at + JournalRecords.RECOVERED_TEXT, b.getInt(at + JournalRecords.RECOVERED_TEXT_LENGTH));
            default:
                return "";
        }
    }

    private String execution(final DirectBuffer b, final int at) {
        final int execType = b.getInt(at + JournalRecords.EXEC_TYPE);
        final StringBuilder text = new StringBuilder();
        text.append("order ").append(b.getLong(at + JournalRecords.EXEC_CLIENT_ORDER_ID)).append(' ')
            .append(ExecType.name(execType)).append(" exec ").append(b.getLong(at + JournalRecords.EXEC_ID));
        if (execType == ExecType.TRADE) {
            text.append(' ').append(b.getLong(at + JournalRecords.EXEC_LAST_QUANTITY)).append(" @ ")
                .append(price(b, at + JournalRecords.EXEC_LAST_PRICE));
        }
        if (execType == ExecType.ORDER_STATUS) {
            text.append(' ').append(VenueOrderStatus.name(b.getInt(at + JournalRecords.EXEC_ORDER_STATUS)))
                .append(" filled ").append(b.getLong(at + JournalRecords.EXEC_CUMULATIVE)).append(" avg ")
                .append(price(b, at + JournalRecords.EXEC_AVERAGE_PRICE));
        }
        text.append(" leaves ").append(b.getLong(at + JournalRecords.EXEC_LEAVES));
        final long source = b.getLong(at + JournalRecords.EXEC_SOURCE_SEQUENCE);
        if (source != 0) {
            text.append(" (FIX seq ").append(source).append(')');
        }
        return text.toString();
    }

    private String order(final DirectBuffer b, final int at, final int type) {
        final StringBuilder text = new StringBuilder();
        text.append(portfolio(b.getInt(at + JournalRecords.ORDER_PORTFOLIO))).append(' ')
            .append(Side.name((byte)b.getInt(at + JournalRecords.ORDER_SIDE))).append(' ')
            .append(b.getLong(at + JournalRecords.ORDER_QUANTITY)).append(' ')
            .append(instrument(b.getInt(at + JournalRecords.ORDER_INSTRUMENT)));
        if (type == JournalRecords.NEW_ORDER || type == JournalRecords.REPLACE_REQUEST) {
            text.append(" @ ").append(price(b, at + JournalRecords.ORDER_LIMIT_PRICE));
        }
        text.append(type == JournalRecords.NEW_ORDER ? " order " : type == JournalRecords.STATUS_REQUEST
            ? " of order " : " request ").append(b.getLong(at + JournalRecords.ORDER_CLIENT_ORDER_ID));
        if (type == JournalRecords.CANCEL_REQUEST || type == JournalRecords.REPLACE_REQUEST) {
            text.append(" for order ").append(b.getLong(at + JournalRecords.ORDER_ORIGINAL_ID));
        }
        return text.toString();
    }

    /** The instrument's symbol, or "#id". */
    public String instrument(final int id) {
        return config != null && config.universe().isValidId(id) ? config.universe().get(id).symbol() : "#" + id;
    }

    /** The portfolio's name, or "portfolio #id". */
    public String portfolio(final int id) {
        return config != null && id >= 0 && id < config.portfolios().size() ? config.portfolios().get(id).name()
            : "portfolio #" + id;
    }

    private static String command(final int code) {
        switch (code) {
            case Command.SET_TRADING_STATE:
                return "SET_TRADING_STATE";
            case Command.REBALANCE_NOW:
                return "REBALANCE_NOW";
            case Command.REPORT_STATUS:
                return "REPORT_STATUS";
            case Command.CANCEL_ORDERS:
                return "CANCEL_ORDERS";
            default:
                return "COMMAND_" + code;
        }
    }

    private static String price(final DirectBuffer b, final int at) {
        final long micros = b.getLong(at);
        return micros == Fixed.INVALID ? "invalid" : Fixed.format(micros);
    }

    private static String decimal(final DirectBuffer b, final int at) {
        return String.format("%.6f", Double.longBitsToDouble(b.getLong(at)));
    }

    private static <E extends Enum<E>> String name(final E[] values, final int ordinal) {
        return ordinal >= 0 && ordinal < values.length ? values[ordinal].name() : "#" + ordinal;
    }

    private static String snapshot(final long sequence) {
        return sequence < 0 ? "" : ", restored from the snapshot after input " + sequence;
    }

    private static String text(final DirectBuffer b, final int at, final int length) {
        final byte[] bytes = new byte[Math.max(0, Math.min(length, b.capacity() - at))];
        b.getBytes(at, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

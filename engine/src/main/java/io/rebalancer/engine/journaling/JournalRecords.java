package io.rebalancer.engine.journaling;

/**
 * The journal's binary layout, in one place. Every record is a multiple of eight bytes, little-endian (the byte
 * order of every machine this runs on), and starts with the same 32 bytes:
 * <pre>
 *   0  int   length      bytes of the whole record
 *   4  short type        one of the constants below
 *   6  short flags       END_OF_BATCH on the input that ended an engine batch
 *   8  long  chain       {@link RunningHash} of this record and the chain value of the one before
 *  16  long  sequence    inputs: the input's own sequence; decisions: the sequence of the input that caused them;
 *                        journal records: the last input sequence so far
 *  24  long  time        event time, epoch nanoseconds (the engine's clock)
 *  32  ...   the type's fields, at the offsets below
 * </pre>
 * Inputs (1-15) are what entered the engine; decisions (16-63) what left it; journal records (64-) describe the
 * journal itself. Fixed-size types have one length; {@link #fixedLength} says which.
 */
public final class JournalRecords {
    public static final int LENGTH_OFFSET = 0;
    public static final int TYPE_OFFSET = 4;
    public static final int FLAGS_OFFSET = 6;
    public static final int CHAIN_OFFSET = 8;
    /** Where the hashed body starts: sequence and time, then the type's fields. */
    public static final int BODY_OFFSET = 16;
    public static final int SEQUENCE_OFFSET = 16;
    public static final int TIME_OFFSET = 24;
    public static final int FIELDS_OFFSET = 32;

    /** Flag of the input that ended an engine batch: drift is judged after it, so replay must end batches there. */
    public static final int END_OF_BATCH = 1;
    /**
     * Flag of a decision journaled by a restart, not when it was made: the process died before appending it, and
     * replaying the journal made it again. Its sequence is still the input that caused it.
     */
    public static final int RECREATED = 2;

    // Inputs.
    public static final int TICK = 1;
    public static final int EXECUTION = 2;
    public static final int TIMER = 3;
    public static final int COMMAND = 4;
    /** An input the ring carried with a type the journal does not know: kept, so replay refuses it the same way. */
    public static final int UNKNOWN_INPUT = 15;

    // Decisions: what the engine handed to the venue side (the order sink).
    public static final int NEW_ORDER = 16;
    public static final int CANCEL_REQUEST = 17;
    public static final int REPLACE_REQUEST = 18;
    public static final int STATUS_REQUEST = 19;

    // Decisions: what the engine told its listener.
    public static final int INPUT_REJECTED = 32;
    public static final int REBALANCE_TRIGGERED = 33;
    public static final int RISK_REJECTED = 34;
    public static final int REBALANCE_PLANNED = 35;
    public static final int FILL = 36;
    public static final int ORDER_CLOSED = 37;
    public static final int ORDER_STATE = 38;
    public static final int CANCEL_REQUESTED = 39;
    public static final int REPLACE_REQUESTED = 40;
    public static final int PORTFOLIO_STATUS = 41;
    public static final int ENGINE_FAULT = 42;

    // The journal's own records.
    public static final int SESSION_START = 64;
    public static final int CONFIG = 65;
    public static final int SNAPSHOT_TAKEN = 66;
    public static final int RECOVERED = 67;
    public static final int SESSION_STOP = 68;

    // TICK
    public static final int TICK_INSTRUMENT = 32;
    public static final int TICK_BID = 40;
    public static final int TICK_ASK = 48;
    public static final int TICK_LAST = 56;
    public static final int TICK_LENGTH = 64;

    // EXECUTION
    public static final int EXEC_TYPE = 32;
    public static final int EXEC_ORDER_STATUS = 36;
    public static final int EXEC_CLIENT_ORDER_ID = 40;
    public static final int EXEC_ID = 48;
    public static final int EXEC_LAST_QUANTITY = 56;
    public static final int EXEC_LAST_PRICE = 64;
    public static final int EXEC_LEAVES = 72;
    public static final int EXEC_CUMULATIVE = 80;
    public static final int EXEC_AVERAGE_PRICE = 88;
    public static final int EXEC_SOURCE_SEQUENCE = 96;
    public static final int EXECUTION_LENGTH = 104;

    // TIMER, SESSION_STOP
    public static final int BARE_LENGTH = 32;

    // COMMAND and UNKNOWN_INPUT (the unknown type in COMMAND_CODE)
    public static final int COMMAND_CODE = 32;
    public static final int COMMAND_TARGET = 36;
    public static final int COMMAND_ARGUMENT = 40;
    public static final int COMMAND_LENGTH = 48;

    // NEW_ORDER, CANCEL_REQUEST, REPLACE_REQUEST, STATUS_REQUEST: the order sink's arguments
    public static final int ORDER_CLIENT_ORDER_ID = 32;
    public static final int ORDER_ORIGINAL_ID = 40;
    public static final int ORDER_QUANTITY = 48;
    public static final int ORDER_LIMIT_PRICE = 56;
    public static final int ORDER_PORTFOLIO = 64;
    public static final int ORDER_INSTRUMENT = 68;
    public static final int ORDER_SIDE = 72;
    public static final int ORDER_LENGTH = 80;

    // INPUT_REJECTED
    public static final int REJECT_REASON = 32;
    public static final int REJECT_SUBJECT = 40;
    public static final int REJECT_LENGTH = 48;

    // REBALANCE_TRIGGERED
    public static final int TRIGGER_PORTFOLIO = 32;
    public static final int TRIGGER_REASON = 36;
    public static final int TRIGGER_DRIFT_RATIO = 40;
    public static final int TRIGGER_PORTFOLIO_DRIFT = 48;
    public static final int TRIGGER_LENGTH = 56;

    // RISK_REJECTED
    public static final int RISK_PORTFOLIO = 32;
    public static final int RISK_INSTRUMENT = 36;
    public static final int RISK_SIDE = 40;
    public static final int RISK_VERDICT = 44;
    public static final int RISK_QUANTITY = 48;
    public static final int RISK_LIMIT_PRICE = 56;
    public static final int RISK_LENGTH = 64;

    // REBALANCE_PLANNED
    public static final int PLANNED_PORTFOLIO = 32;
    public static final int PLANNED_SENT = 36;
    public static final int PLANNED_REJECTED = 40;
    public static final int PLANNED_LENGTH = 48;

    // FILL
    public static final int FILL_CLIENT_ORDER_ID = 32;
    public static final int FILL_PORTFOLIO = 40;
    public static final int FILL_INSTRUMENT = 44;
    public static final int FILL_SIDE = 48;
    public static final int FILL_QUANTITY = 56;
    public static final int FILL_PRICE = 64;
    public static final int FILL_LEAVES = 72;
    public static final int FILL_LENGTH = 80;

    // ORDER_CLOSED
    public static final int CLOSED_CLIENT_ORDER_ID = 32;
    public static final int CLOSED_PORTFOLIO = 40;
    public static final int CLOSED_EXEC_TYPE = 44;
    public static final int CLOSED_RELEASED = 48;
    public static final int CLOSED_LENGTH = 56;

    // ORDER_STATE
    public static final int STATE_CLIENT_ORDER_ID = 32;
    public static final int STATE_PORTFOLIO = 40;
    public static final int STATE_STATE = 44;
    public static final int STATE_CUMULATIVE = 48;
    public static final int STATE_AVERAGE_PRICE = 56;
    public static final int STATE_LEAVES = 64;
    public static final int STATE_LENGTH = 72;

    // CANCEL_REQUESTED, REPLACE_REQUESTED
    public static final int REQUESTED_REQUEST_ID = 32;
    public static final int REQUESTED_CLIENT_ORDER_ID = 40;
    public static final int REQUESTED_PORTFOLIO = 48;
    /** CANCEL_REQUESTED: the CancelReason ordinal. */
    public static final int REQUESTED_REASON = 52;
    public static final int REQUESTED_QUANTITY = 56;
    public static final int REQUESTED_LIMIT_PRICE = 64;
    public static final int CANCEL_REQUESTED_LENGTH = 56;
    public static final int REPLACE_REQUESTED_LENGTH = 72;

    // PORTFOLIO_STATUS
    public static final int STATUS_PORTFOLIO = 32;
    public static final int STATUS_STATUS = 36;
    public static final int STATUS_TOTAL_VALUE = 40;
    public static final int STATUS_SETTLED_CASH = 48;
    public static final int STATUS_DRIFT_RATIO = 56;
    public static final int STATUS_PORTFOLIO_DRIFT = 64;
    public static final int STATUS_OPEN_ORDERS = 72;
    public static final int STATUS_LENGTH = 80;

    // ENGINE_FAULT, SESSION_START, RECOVERED: a text at TEXT_LENGTH / TEXT_BYTES after their fixed fields
    /** ENGINE_FAULT: the text's length in bytes; the text (UTF-8) follows. */
    public static final int FAULT_TEXT_LENGTH = 32;
    public static final int FAULT_TEXT = 36;

    // SESSION_START
    public static final int START_FORMAT_VERSION = 32;
    public static final int START_WALL_CLOCK_MILLIS = 40;
    /** The input sequence of the snapshot the engine was restored from, -1 for none. */
    public static final int START_SNAPSHOT_SEQUENCE = 48;
    public static final int START_TEXT_LENGTH = 56;
    public static final int START_TEXT = 60;

    // CONFIG: a count of files, then per file: int name length, int content length, name, content (UTF-8)
    public static final int CONFIG_FILE_COUNT = 32;
    public static final int CONFIG_FILES = 36;

    // SNAPSHOT_TAKEN
    public static final int SNAPSHOT_LENGTH = 32;
    public static final int SNAPSHOT_HASH = 40;
    public static final int SNAPSHOT_TAKEN_LENGTH = 48;

    // RECOVERED
    /** Records found damaged at the end of the journal and left out of the recovered state. */
    public static final int RECOVERED_DAMAGED_RECORDS = 32;
    /** The chain value the journal resumes from: that of the last good record. */
    public static final int RECOVERED_RESUMED_CHAIN = 40;
    public static final int RECOVERED_TEXT_LENGTH = 48;
    public static final int RECOVERED_TEXT = 52;

    /** Version of this layout, written in every SESSION_START. */
    public static final int FORMAT_VERSION = 1;

    private JournalRecords() {
    }

    /** The only length a record of this type may have, or -1 for types of variable length (or unknown ones). */
    public static int fixedLength(final int type) {
        switch (type) {
            case TICK:
                return TICK_LENGTH;
            case EXECUTION:
                return EXECUTION_LENGTH;
            case TIMER:
            case SESSION_STOP:
                return BARE_LENGTH;
            case COMMAND:
            case UNKNOWN_INPUT:
                return COMMAND_LENGTH;
            case NEW_ORDER:
            case CANCEL_REQUEST:
            case REPLACE_REQUEST:
            case STATUS_REQUEST:
                return ORDER_LENGTH;
            case INPUT_REJECTED:
                return REJECT_LENGTH;
            case REBALANCE_TRIGGERED:
                return TRIGGER_LENGTH;
            case RISK_REJECTED:
                return RISK_LENGTH;
            case REBALANCE_PLANNED:
                return PLANNED_LENGTH;
            case FILL:
                return FILL_LENGTH;
            case ORDER_CLOSED:
                return CLOSED_LENGTH;
            case ORDER_STATE:
                return STATE_LENGTH;
            case CANCEL_REQUESTED:
                return CANCEL_REQUESTED_LENGTH;
            case REPLACE_REQUESTED:
                return REPLACE_REQUESTED_LENGTH;
            case PORTFOLIO_STATUS:
                return STATUS_LENGTH;
            case SNAPSHOT_TAKEN:
                return SNAPSHOT_TAKEN_LENGTH;
            default:
                return -1;
        }
    }

    /** Whether the type is one this layout defines. */
    public static boolean isKnown(final int type) {
        return fixedLength(type) > 0 || type == ENGINE_FAULT || type == SESSION_START || type == CONFIG
            || type == RECOVERED;
    }

    public static boolean isInput(final int type) {
        return type >= TICK && type <= UNKNOWN_INPUT;
    }

    /** What the engine decided: handed to the order sink or told its listener. */
    public static boolean isDecision(final int type) {
        return type >= NEW_ORDER && type < SESSION_START;
    }

    /** A length rounded up to whole eight-byte words. */
    public static int padded(final int length) {
        return (length + 7) & ~7;
    }

    public static String name(final int type) {
        switch (type) {
            case TICK:
                return "TICK";
            case EXECUTION:
                return "EXECUTION";
            case TIMER:
                return "TIMER";
            case COMMAND:
                return "COMMAND";
            case UNKNOWN_INPUT:
                return "UNKNOWN_INPUT";
            case NEW_ORDER:
                return "NEW_ORDER";
            case CANCEL_REQUEST:
                return "CANCEL_REQUEST";
            case REPLACE_REQUEST:
                return "REPLACE_REQUEST";
            case STATUS_REQUEST:
                return "STATUS_REQUEST";
            case INPUT_REJECTED:
                return "INPUT_REJECTED";
            case REBALANCE_TRIGGERED:
                return "REBALANCE_TRIGGERED";
            case RISK_REJECTED:
                return "RISK_REJECTED";
            case REBALANCE_PLANNED:
                return "REBALANCE_PLANNED";
            case FILL:
                return "FILL";
            case ORDER_CLOSED:
                return "ORDER_CLOSED";
            case ORDER_STATE:
                return "ORDER_STATE";
            case CANCEL_REQUESTED:
                return "CANCEL_REQUESTED";
            case REPLACE_REQUESTED:
                return "REPLACE_REQUESTED";
            case PORTFOLIO_STATUS:
                return "PORTFOLIO_STATUS";
            case ENGINE_FAULT:
                return "ENGINE_FAULT";
            case SESSION_START:
                return "SESSION_START";
            case CONFIG:
                return "CONFIG";
            case SNAPSHOT_TAKEN:
                return "SNAPSHOT_TAKEN";
            case RECOVERED:
                return "RECOVERED";
            case SESSION_STOP:
                return "SESSION_STOP";
            default:
                return "TYPE_" + type;
        }
    }
}

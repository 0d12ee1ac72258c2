package io.rebalancer.daemon;

import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.journaling.JournalReader;
import io.rebalancer.engine.journaling.JournalRecords;
import io.rebalancer.engine.journaling.RecordText;
import org.agrona.DirectBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a daemon's journal says it sent, read record by record: every new order (id, portfolio, instrument, side),
 * every id it used (orders, cancel and replace requests), and every record as text for a person to read.
 */
final class JournalBook {
    /** A NEW_ORDER record. */
    record Order(long id, int portfolio, int instrument, byte side, long quantity, long limitPrice) {
    }

    final Map<Long, Order> orders = new HashMap<>();
    /** Every id of a NEW_ORDER, CANCEL_REQUEST or REPLACE_REQUEST, in journal order, repeats included. */
    final List<Long> idsUsed = new ArrayList<>();
    /** Every record, readable, in journal order, and its type. */
    final List<String> lines = new ArrayList<>();
    private final List<Integer> types = new ArrayList<>();
    /** The input sequence of each SESSION_START: where each process began. */
    final List<Long> sessionStarts = new ArrayList<>();

    private JournalBook() {
    }

    static JournalBook read(final Path journal, final EngineConfig config) {
        final JournalBook book = new JournalBook();
        final RecordText text = new RecordText();
        text.config(config);
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((buffer, at, index) -> {
                book.add(buffer, at);
                book.lines.add(text.describe(buffer, at));
                book.types.add((int)buffer.getShort(at + JournalRecords.TYPE_OFFSET));
                return true;
            });
        }
        return book;
    }

    private void add(final DirectBuffer b, final int at) {
        final int type = b.getShort(at + JournalRecords.TYPE_OFFSET);
        switch (type) {
            case JournalRecords.NEW_ORDER:
                final Order order = new Order(b.getLong(at + JournalRecords.ORDER_CLIENT_ORDER_ID),
                    b.getInt(at + JournalRecords.ORDER_PORTFOLIO), b.getInt(at + JournalRecords.ORDER_INSTRUMENT),
                    (byte)b.getInt(at + JournalRecords.ORDER_SIDE), b.getLong(at + JournalRecords.ORDER_QUANTITY),
                    b.getLong(at + JournalRecords.ORDER_LIMIT_PRICE));
                orders.put(order.id(), order);
                idsUsed.add(order.id());
                break;
            case JournalRecords.CANCEL_REQUEST:
            case JournalRecords.REPLACE_REQUEST:
                idsUsed.add(b.getLong(at + JournalRecords.ORDER_CLIENT_ORDER_ID));
                break;
            case JournalRecords.SESSION_START:
                sessionStarts.add(b.getLong(at + JournalRecords.SEQUENCE_OFFSET));
                break;
            default:
                break;
        }
    }

    /** The records that are not ticks (far too many to read), as lines: orders, reports, decisions, sessions. */
    String withoutTicks() {
        final StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (types.get(i) != JournalRecords.TICK) {
                s.append(lines.get(i)).append('\n');
            }
        }
        return s.toString();
    }
}

package io.rebalancer.fix;

import quickfix.Message;

import java.util.ArrayList;
import java.util.List;

/** An {@link OrderWire} for agent unit tests: a dialect the test sets, and every message "sent" kept in order. */
final class RecordingWire implements OrderWire {
    final List<Message> sent = new ArrayList<>();
    int dialect = FIX44;
    boolean refuse;

    @Override
    public int dialect() {
        return dialect;
    }

    @Override
    public boolean send(final Message message) {
        if (refuse) {
            return false;
        }
        sent.add(message);
        return true;
    }
}

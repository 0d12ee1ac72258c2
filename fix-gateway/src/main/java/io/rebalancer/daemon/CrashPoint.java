package io.rebalancer.daemon;

import com.lmax.disruptor.EventHandler;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundEvent;

import java.util.Arrays;
import java.util.Locale;

/**
 * TEST ONLY: kills the daemon at an exact point of a run, as SIGKILL would ({@link Runtime#halt}: no shutdown hook,
 * no flush, no Logout), for the crash tests ({@code CrashRecoverySystemTest}), which cannot reach these points from
 * outside the process. Armed by the system property {@code rebalancer.crash-at=POINT:N}, read once when this class
 * loads; unset, as always outside those tests, it installs nothing: the run keeps the order sink and engine stage it
 * would have had, and no check runs anywhere. The points, counted from the start of this process:
 * <ul>
 *   <li>{@code AFTER_JOURNAL_BEFORE_SEND:N}: the N-th new order, journaled (the journal flushes an order before
 *   handing it on) and not yet handed to the FIX gateway, so it never reaches the venue.</li>
 *   <li>{@code AFTER_JOURNAL_BEFORE_SEND_REQUEST:N}: the same for the N-th cancel or replace request.</li>
 *   <li>{@code BEFORE_JOURNAL:N}: the N-th fill report (ExecType TRADE) taken off the ring by the engine's stage,
 *   before it is journaled, together with any input of its batch not yet appended. The gateway has read it off the
 *   wire, and QuickFIX/J may already have counted it as received in its message store: then only the venue's resend
 *   of what the journal lacks, or the order status answer, brings it back.</li>
 * </ul>
 * The process exits with {@link #EXIT_STATUS}, what a shell reports for a process killed by SIGKILL.
 */
final class CrashPoint {
    static final String PROPERTY = "rebalancer.crash-at";
    static final int EXIT_STATUS = 137;

    /** Where to die. */
    enum Point {
        NONE, AFTER_JOURNAL_BEFORE_SEND, AFTER_JOURNAL_BEFORE_SEND_REQUEST, BEFORE_JOURNAL
    }

    private static final Point POINT;
    private static final long NTH;

    static {
        final String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            POINT = Point.NONE;
            NTH = 0;
        } else {
            final int colon = value.indexOf(':');
            try {
                POINT = Point.valueOf(value.substring(0, Math.max(0, colon)).trim().toUpperCase(Locale.ROOT));
                NTH = Long.parseLong(value.substring(colon + 1).trim());
            } catch (final IllegalArgumentException ex) {
                throw new IllegalArgumentException(PROPERTY + ": '" + value + "' is not POINT:N with POINT one of "
                    + Arrays.toString(Point.values()) + " and N a whole number", ex);
            }
            if (POINT == Point.NONE || NTH <= 0) {
                throw new IllegalArgumentException(PROPERTY + ": '" + value + "' names no point or no N of 1 or more");
            }
        }
    }

    private CrashPoint() {
    }

    /** The order sink the journal hands its orders to: {@code sink} itself unless armed after journaling. */
    static OrderSink orderSink(final OrderSink sink) {
        return POINT == Point.AFTER_JOURNAL_BEFORE_SEND || POINT == Point.AFTER_JOURNAL_BEFORE_SEND_REQUEST
            ? new HaltBeforeSend(sink, POINT == Point.AFTER_JOURNAL_BEFORE_SEND, NTH) : sink;
    }

    /** The engine's stage of the inbound ring: {@code stage} itself unless armed before journaling. */
    static EventHandler<InboundEvent> stage(final EventHandler<InboundEvent> stage) {
        return POINT == Point.BEFORE_JOURNAL ? new HaltBeforeJournal(stage, NTH) : stage;
    }

    private static void halt() {
        Runtime.getRuntime().halt(EXIT_STATUS);
    }

    /** Halts on the engine thread instead of handing on the N-th new order, or the N-th cancel or replace. */
    private static final class HaltBeforeSend implements OrderSink {
        private final OrderSink sink;
        private final boolean orders;
        private long left;

        HaltBeforeSend(final OrderSink sink, final boolean orders, final long nth) {
            this.sink = sink;
            this.orders = orders;
            left = nth;
        }

        private void count(final boolean order) {
            if (order == orders && --left == 0) {
                halt();
            }
        }

        @Override
        public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
            final int instrumentId, final byte side, final long quantity, final long limitPrice) {
            count(true);
            sink.onNewOrder(timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity, limitPrice);
        }

        @Override
        public void onCancelOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
            final int portfolioId, final int instrumentId, final byte side, final long orderQuantity) {
            count(false);
            sink.onCancelOrder(timeNanos, requestId, originalClientOrderId, portfolioId, instrumentId, side,
                orderQuantity);
        }

        @Override
        public void onReplaceOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
            final int portfolioId, final int instrumentId, final byte side, final long orderQuantity,
            final long limitPrice) {
            count(false);
            sink.onReplaceOrder(timeNanos, requestId, originalClientOrderId, portfolioId, instrumentId, side,
                orderQuantity, limitPrice);
        }

        @Override
        public void onStatusRequest(final long timeNanos, final long clientOrderId, final int portfolioId,
            final int instrumentId, final byte side, final long orderQuantity) {
            sink.onStatusRequest(timeNanos, clientOrderId, portfolioId, instrumentId, side, orderQuantity);
        }
    }

    /** Halts on the engine thread instead of journaling the N-th fill report. */
    private static final class HaltBeforeJournal implements EventHandler<InboundEvent> {
        private final EventHandler<InboundEvent> stage;
        private long left;

        HaltBeforeJournal(final EventHandler<InboundEvent> stage, final long nth) {
            this.stage = stage;
            left = nth;
        }

        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
            throws Exception {
            if (event.type() == InboundEvent.EXECUTION && event.execType() == ExecType.TRADE && --left == 0) {
                halt();
            }
            stage.onEvent(event, sequence, endOfBatch);
        }
    }
}

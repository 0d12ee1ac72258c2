package io.rebalancer.fix;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import org.junit.jupiter.api.Test;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.BusinessRejectRefID;
import quickfix.field.ClOrdID;
import quickfix.field.ExecID;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.fix44.BusinessMessageReject;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.Reject;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The inbound decoding on real QuickFIX/J messages, read back from a real engine ring with no consumer: what
 * each execution report, session Reject and BusinessMessageReject becomes for the engine.
 */
class FixSessionAdapterTest {
    private static final long NOW = 1_700_000_000_000_000_000L;

    record Execution(long time, long clientOrderId, long executionId, int execType, long quantity, long price,
                     long leaves) {
    }

    private final RingBuffer<InboundEvent> ring = RingBuffer.createMultiProducer(InboundEvent::new, 64);
    private final GatewayCounters counters = new GatewayCounters();
    private final FixSessionAdapter adapter = new FixSessionAdapter(new InboundPublisher(ring), () -> NOW, counters,
        new SentOrders(16));

    @Test
    void shouldPublishATradeWithExactQuantityAndPrice() throws FieldNotFound {
        adapter.fromApp(report("7", 'F', "100", "0.29", "0", "12"), FixTestSettings.GATEWAY);
        assertEquals(List.of(new Execution(NOW, 7, 12, ExecType.TRADE, 100, 290_000, 0)), executions());
        assertEquals(1, counters.get(GatewayCounters.EXECUTIONS));
    }

    @Test
    void shouldPublishAnAcknowledgementWithItsLeaves() throws FieldNotFound {
        adapter.fromApp(report("7", '0', null, null, "250", "1"), FixTestSettings.GATEWAY);
        assertEquals(List.of(new Execution(NOW, 7, 1, ExecType.NEW, 0, 0, 250)), executions());
    }

    @Test
    void shouldPublishAForeignClOrdIdAsUnknownOrderMinusOne() throws FieldNotFound {
        adapter.fromApp(report("ABC-1", '4', null, null, "0", "3"), FixTestSettings.GATEWAY);
        assertEquals(List.of(new Execution(NOW, -1, 3, ExecType.CANCELED, 0, 0, 0)), executions());
        assertEquals(1, counters.get(GatewayCounters.UNKNOWN_CLORDID));
    }

    @Test
    void shouldCountAndIgnorePendingAndRestatedReports() throws FieldNotFound {
        adapter.fromApp(report("7", '6', null, null, "100", "4"), FixTestSettings.GATEWAY);
        adapter.fromApp(report("7", 'D', null, null, "100", "5"), FixTestSettings.GATEWAY);
        assertEquals(List.of(), executions());
        assertEquals(2, counters.get(GatewayCounters.EXECUTIONS_IGNORED));
    }

    @Test
    void shouldPublishAnUnreadableFillSoTheEngineRefusesAndCountsIt() throws FieldNotFound {
        adapter.fromApp(report("7", 'F', "100", "0.0000001", "0", "6"), FixTestSettings.GATEWAY);
        assertEquals(List.of(new Execution(NOW, 7, 6, ExecType.TRADE, 100, Fixed.INVALID, 0)), executions());
        assertEquals(1, counters.get(GatewayCounters.MALFORMED_EXECUTIONS));
    }

    @Test
    void shouldReportASessionRejectOfAnOrderAsRejectedThroughItsSequenceNumber() throws FieldNotFound {
        final NewOrderSingle order = new NewOrderSingle();
        order.getHeader().setInt(MsgSeqNum.FIELD, 5);
        order.setString(ClOrdID.FIELD, "42");
        adapter.toApp(order, FixTestSettings.GATEWAY);
        final Reject reject = new Reject();
        reject.setInt(RefSeqNum.FIELD, 5);
        reject.setString(RefMsgType.FIELD, MsgType.ORDER_SINGLE);
        adapter.fromAdmin(reject, FixTestSettings.GATEWAY);
        final Reject unknown = new Reject();
        unknown.setInt(RefSeqNum.FIELD, 6);
        adapter.fromAdmin(unknown, FixTestSettings.GATEWAY);
        assertEquals(List.of(new Execution(NOW, 42, -42, ExecType.REJECTED, 0, 0, 0)), executions());
        assertEquals(2, counters.get(GatewayCounters.SESSION_REJECTS));
        assertEquals(1, counters.get(GatewayCounters.ORDERS_REJECTED_BY_VENUE));
    }

    @Test
    void shouldReportABusinessRejectNamingOurOrderAsRejected() throws FieldNotFound {
        final BusinessMessageReject reject = new BusinessMessageReject();
        reject.setString(RefMsgType.FIELD, MsgType.ORDER_SINGLE);
        reject.setString(BusinessRejectRefID.FIELD, "9");
        adapter.fromApp(reject, FixTestSettings.GATEWAY);
        final BusinessMessageReject other = new BusinessMessageReject();
        other.setString(RefMsgType.FIELD, MsgType.QUOTE_REQUEST);
        other.setString(BusinessRejectRefID.FIELD, "10");
        adapter.fromApp(other, FixTestSettings.GATEWAY);
        assertEquals(List.of(new Execution(NOW, 9, -9, ExecType.REJECTED, 0, 0, 0)), executions());
        assertEquals(2, counters.get(GatewayCounters.BUSINESS_REJECTS));
    }

    private static Message report(final String clOrdId, final char execType, final String lastQty,
        final String lastPx, final String leaves, final String execId) {
        final ExecutionReport report = new ExecutionReport();
        report.setString(ClOrdID.FIELD, clOrdId);
        report.setChar(quickfix.field.ExecType.FIELD, execType);
        report.setString(ExecID.FIELD, execId);
        report.setString(LeavesQty.FIELD, leaves);
        if (lastQty != null) {
            report.setString(LastQty.FIELD, lastQty);
            report.setString(LastPx.FIELD, lastPx);
        }
        return report;
    }

    private List<Execution> executions() {
        final List<Execution> out = new ArrayList<>();
        for (long sequence = 0; sequence <= ring.getCursor(); sequence++) {
            final InboundEvent e = ring.get(sequence);
            out.add(new Execution(e.timeNanos(), e.clientOrderId(), e.executionId(), e.execType(),
                e.lastQuantity(), e.lastPrice(), e.leavesQuantity()));
        }
        return out;
    }
}

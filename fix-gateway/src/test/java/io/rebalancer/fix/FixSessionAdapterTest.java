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
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecTransType;
import quickfix.field.LastShares;
import quickfix.field.OrdStatus;
import quickfix.field.OrigClOrdID;
import quickfix.field.Password;
import quickfix.field.Text;
import quickfix.field.Username;
import quickfix.fix44.BusinessMessageReject;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.Heartbeat;
import quickfix.fix44.Logon;
import quickfix.fix44.Logout;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelReject;
import quickfix.fix44.Reject;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

    @Test
    void shouldBookOneFix42FillFromItsLastSharesNeverTwice() throws FieldNotFound {
        adapter.fromApp(report42('0', '2', '2', "7", "300", "100.25", "0", "EX-9"), FixTestSettings.GATEWAY);
        adapter.fromApp(report42('0', '1', '1', "8", "100", "0.29", "200", "31"), FixTestSettings.GATEWAY);
        assertEquals(List.of(
            new Execution(NOW, 7, FixSessionAdapter.executionId("EX-9"), ExecType.TRADE, 300, 100_250_000, 0),
            new Execution(NOW, 8, 31, ExecType.TRADE, 100, 290_000, 200)), executions());
    }

    @Test
    void shouldBookALoneFullFillThatClosesTheOrder() throws FieldNotFound {
        final Message fill = report("7", 'F', "500", "50.13", "0", "40");
        fill.setChar(OrdStatus.FIELD, OrdStatus.FILLED);
        adapter.fromApp(fill, FixTestSettings.GATEWAY);
        assertEquals(List.of(new Execution(NOW, 7, 40, ExecType.TRADE, 500, 50_130_000, 0)), executions());
    }

    @Test
    void shouldIgnoreAndCountFix42CorrectionsAndStatusReports() throws FieldNotFound {
        adapter.fromApp(report42('2', '2', '2', "7", "300", "100.25", "0", "41"), FixTestSettings.GATEWAY);
        adapter.fromApp(report42('1', '2', '2', "7", "300", "100.25", "0", "42"), FixTestSettings.GATEWAY);
        adapter.fromApp(report42('0', '3', '3', "7", null, null, "0", "43"), FixTestSettings.GATEWAY);
        adapter.fromApp(report42('0', 'D', '1', "7", "300", "100.25", "0", "44"), FixTestSettings.GATEWAY);
        assertEquals(List.of(new Execution(NOW, 7, 43, ExecType.EXPIRED, 0, 0, 0)), executions(),
            "done for day expires; corrections and a restatement carrying an old fill book nothing");
        assertEquals(2, counters.get(GatewayCounters.CORRECTIONS_IGNORED));
        assertEquals(1, counters.get(GatewayCounters.EXECUTIONS_IGNORED));
    }

    @Test
    void shouldBookAFillCarriedByAPendingReportAndAckAnUnexpectedKindWithStatusNew() throws FieldNotFound {
        final Message pending = report("7", '6', "40", "10.5", "60", "50");
        pending.setChar(OrdStatus.FIELD, OrdStatus.PARTIALLY_FILLED);
        adapter.fromApp(pending, FixTestSettings.GATEWAY);
        final Message status = report("8", 'I', null, null, "100", "51");
        status.setChar(OrdStatus.FIELD, OrdStatus.NEW);
        adapter.fromApp(status, FixTestSettings.GATEWAY);
        assertEquals(List.of(new Execution(NOW, 7, 50, ExecType.TRADE, 40, 10_500_000, 60),
            new Execution(NOW, 8, 51, ExecType.NEW, 0, 0, 100)), executions());
    }

    @Test
    void shouldPublishReplacedCanceledAndExpiredWithTheReportsClOrdId() throws FieldNotFound {
        adapter.fromApp(report("12", '5', null, null, "450", "60"), FixTestSettings.GATEWAY);
        adapter.fromApp(report("13", '4', null, null, "0", "61"), FixTestSettings.GATEWAY);
        adapter.fromApp(report("14", 'C', null, null, "0", "62"), FixTestSettings.GATEWAY);
        assertEquals(List.of(new Execution(NOW, 12, 60, ExecType.REPLACED, 0, 0, 450),
            new Execution(NOW, 13, 61, ExecType.CANCELED, 0, 0, 0),
            new Execution(NOW, 14, 62, ExecType.EXPIRED, 0, 0, 0)), executions());
    }

    @Test
    void shouldReportAnOrderCancelRejectAsCancelRejectedWithTheRequestsId() throws FieldNotFound {
        final OrderCancelReject reject = new OrderCancelReject();
        reject.setString(ClOrdID.FIELD, "21");
        reject.setString(OrigClOrdID.FIELD, "7");
        reject.setChar(CxlRejResponseTo.FIELD, CxlRejResponseTo.ORDER_CANCEL_REQUEST);
        adapter.fromApp(reject, FixTestSettings.GATEWAY);
        final quickfix.fix42.OrderCancelReject reject42 = new quickfix.fix42.OrderCancelReject();
        reject42.setString(ClOrdID.FIELD, "22");
        adapter.fromApp(reject42, FixTestSettings.GATEWAY);
        assertEquals(List.of(new Execution(NOW, 21, -21, ExecType.CANCEL_REJECTED, 0, 0, 0),
            new Execution(NOW, 22, -22, ExecType.CANCEL_REJECTED, 0, 0, 0)), executions());
        assertEquals(2, counters.get(GatewayCounters.CANCEL_REJECTS));
    }

    @Test
    void shouldReportRejectsOfCancelAndReplaceRequestsAsCancelRejected() throws FieldNotFound {
        sendThroughAdapter(new quickfix.fix44.OrderCancelRequest(), 8, "23");
        sendThroughAdapter(new quickfix.fix44.OrderCancelReplaceRequest(), 9, "24");
        sendThroughAdapter(new NewOrderSingle(), 10, "25");
        final Reject noType = new Reject();
        noType.setInt(RefSeqNum.FIELD, 8);
        adapter.fromAdmin(noType, FixTestSettings.GATEWAY);
        final BusinessMessageReject business = new BusinessMessageReject();
        business.setString(RefMsgType.FIELD, MsgType.ORDER_CANCEL_REPLACE_REQUEST);
        business.setInt(RefSeqNum.FIELD, 9);
        adapter.fromApp(business, FixTestSettings.GATEWAY);
        final Reject order = new Reject();
        order.setInt(RefSeqNum.FIELD, 10);
        adapter.fromAdmin(order, FixTestSettings.GATEWAY);
        final Reject mismatch = new Reject();
        mismatch.setInt(RefSeqNum.FIELD, 9);
        mismatch.setString(RefMsgType.FIELD, MsgType.ORDER_SINGLE);
        adapter.fromAdmin(mismatch, FixTestSettings.GATEWAY);
        assertEquals(List.of(new Execution(NOW, 23, -23, ExecType.CANCEL_REJECTED, 0, 0, 0),
            new Execution(NOW, 24, -24, ExecType.CANCEL_REJECTED, 0, 0, 0),
            new Execution(NOW, 25, -25, ExecType.REJECTED, 0, 0, 0)), executions());
        assertEquals(2, counters.get(GatewayCounters.CANCEL_REJECTS));
        assertEquals(1, counters.get(GatewayCounters.ORDERS_REJECTED_BY_VENUE));
    }

    @Test
    void shouldPutTheCredentialsOnTheLogonOnly() throws FieldNotFound {
        final FixSessionAdapter withCredentials = new FixSessionAdapter(new InboundPublisher(ring), () -> NOW,
            counters, new SentOrders(16), "rebalancer", "s3cret");
        final Logon logon = new Logon();
        withCredentials.toAdmin(logon, FixTestSettings.GATEWAY);
        assertEquals("rebalancer", logon.getString(Username.FIELD));
        assertEquals("s3cret", logon.getString(Password.FIELD));
        final Heartbeat heartbeat = new Heartbeat();
        withCredentials.toAdmin(heartbeat, FixTestSettings.GATEWAY);
        assertFalse(heartbeat.isSetField(Password.FIELD));
        final Logon bare = new Logon();
        adapter.toAdmin(bare, FixTestSettings.GATEWAY);
        assertFalse(bare.isSetField(Username.FIELD) || bare.isSetField(Password.FIELD));
    }

    @Test
    void shouldCountALogoutBeforeLogonAsALogonFailureAndKeepItsText() throws FieldNotFound {
        final Logout refused = new Logout();
        refused.setString(Text.FIELD, "bad credentials");
        adapter.fromAdmin(refused, FixTestSettings.GATEWAY);
        adapter.onLogon(FixTestSettings.GATEWAY);
        adapter.fromAdmin(new Logout(), FixTestSettings.GATEWAY);
        assertEquals(1, counters.get(GatewayCounters.LOGON_FAILURES));
        assertEquals("bad credentials", adapter.lastLogonFailure());
    }

    @Test
    void shouldMaskThePasswordInLoggedMessages() {
        assertEquals("8=FIX.4.4\u000135=A\u0001553=u\u0001554=***\u000110=1\u0001",
            PasswordMaskingLogFactory.mask("8=FIX.4.4\u000135=A\u0001553=u\u0001554=s3cret\u000110=1\u0001"));
        assertEquals("35=0\u0001", PasswordMaskingLogFactory.mask("35=0\u0001"));
    }

    private void sendThroughAdapter(final Message message, final int seqNum, final String clOrdId) {
        message.getHeader().setInt(MsgSeqNum.FIELD, seqNum);
        message.setString(ClOrdID.FIELD, clOrdId);
        adapter.toApp(message, FixTestSettings.GATEWAY);
    }

    private static Message report42(final char execTransType, final char execType, final char ordStatus,
        final String clOrdId, final String lastShares, final String lastPx, final String leaves,
        final String execId) {
        final quickfix.fix42.ExecutionReport report = new quickfix.fix42.ExecutionReport();
        report.setString(ClOrdID.FIELD, clOrdId);
        report.setChar(ExecTransType.FIELD, execTransType);
        report.setChar(quickfix.field.ExecType.FIELD, execType);
        report.setChar(OrdStatus.FIELD, ordStatus);
        report.setString(ExecID.FIELD, execId);
        report.setString(LeavesQty.FIELD, leaves);
        if (lastShares != null) {
            report.setString(LastShares.FIELD, lastShares);
            report.setString(LastPx.FIELD, lastPx);
        }
        return report;
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

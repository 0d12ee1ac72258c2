package io.rebalancer.fix;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import org.junit.jupiter.api.Test;
import io.rebalancer.engine.pipeline.VenueOrderStatus;
import quickfix.DoNotSend;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.AvgPx;
import quickfix.field.BusinessRejectRefID;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
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
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrigClOrdID;
import quickfix.field.Password;
import quickfix.field.PossDupFlag;
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
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The inbound decoding on real QuickFIX/J messages, read back from a real engine ring with no consumer: what
 * each execution report, session Reject and BusinessMessageReject becomes for the engine.
 */
class FixSessionAdapterTest {
    private static final long NOW = 1_700_000_000_000_000_000L;

    record Execution(long time, long clientOrderId, long executionId, int execType, long quantity, long price,
                     long leaves) {
    }

    /** An {@link ExecType#ORDER_STATUS} report as the engine sees it. */
    record Status(long clientOrderId, long executionId, int status, long cumulative, long average, long leaves,
                  long sourceSequence) {
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
        sendThroughAdapter(new NewOrderSingle(), 5, "42");
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
    void shouldIgnoreAndCountFix42CorrectionsAndRestatements() throws FieldNotFound {
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
        final Message status = report("8", 'D', null, null, "100", "51");
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
    void shouldPublishFix44OrderStatusAnswersWithTheirStateAndExactQuantitiesAndAveragePrice() throws FieldNotFound {
        adapter.fromApp(status(new ExecutionReport(), 'I', '1', -1, "7", "40", "100.125", "60", "90", 12),
            FixTestSettings.GATEWAY);
        adapter.fromApp(status(new ExecutionReport(), 'I', '2', -1, "8", "100", "0.29", "0", "91", 13),
            FixTestSettings.GATEWAY);
        adapter.fromApp(status(new ExecutionReport(), 'I', '4', -1, "9", "0", "0", "0", "92", 14),
            FixTestSettings.GATEWAY);
        adapter.fromApp(status(new ExecutionReport(), 'I', 'C', -1, "10", "5", "10", "0", "93", 15),
            FixTestSettings.GATEWAY);
        adapter.fromApp(status(new ExecutionReport(), 'I', '8', 3, "11", "0", "0", "0", "94", 16),
            FixTestSettings.GATEWAY);
        adapter.fromApp(status(new ExecutionReport(), 'I', '8', 5, "12", "0", "0", "0", "95", 17),
            FixTestSettings.GATEWAY);
        adapter.fromApp(status(new ExecutionReport(), 'I', 'A', -1, "13", "0", "0", "10", "96", 18),
            FixTestSettings.GATEWAY);
        adapter.fromApp(status(new ExecutionReport(), 'I', '6', -1, "14", "3", "2.5", "7", "97", 19),
            FixTestSettings.GATEWAY);
        assertEquals(List.of(
            new Status(7, 90, VenueOrderStatus.WORKING, 40, 100_125_000, 60, 12),
            new Status(8, 91, VenueOrderStatus.FILLED, 100, 290_000, 0, 13),
            new Status(9, 92, VenueOrderStatus.CANCELED, 0, 0, 0, 14),
            new Status(10, 93, VenueOrderStatus.EXPIRED, 5, 10_000_000, 0, 15),
            new Status(11, 94, VenueOrderStatus.REJECTED, 0, 0, 0, 16),
            new Status(12, 95, VenueOrderStatus.UNKNOWN, 0, 0, 0, 17),
            new Status(13, 96, VenueOrderStatus.WORKING, 0, 0, 10, 18),
            new Status(14, 97, VenueOrderStatus.WORKING, 3, 2_500_000, 7, 19)), statuses());
        assertEquals(8, counters.get(GatewayCounters.STATUS_ANSWERS));
        assertEquals(0, counters.get(GatewayCounters.MALFORMED_EXECUTIONS));
    }

    @Test
    void shouldReadAFix42StatusReportByItsExecTransTypeAndNeverBookTheFillItRepeats() throws FieldNotFound {
        final Message partial = status(report42('3', '1', '1', "7", "300", "100.25", "700", "0"), '1', '1', -1, "7",
            "300", "100.25", "700", "0", 40);
        adapter.fromApp(partial, FixTestSettings.GATEWAY);
        adapter.fromApp(status(report42('3', '8', '8', "8", null, null, "0", "0"), '8', '8', 5, "8", "0", "0", "0",
            "0", 41), FixTestSettings.GATEWAY);
        adapter.fromApp(status(report42('0', 'I', '2', "9", null, null, "0", "0"), 'I', '2', -1, "9", "10", "1", "0",
            "S-1", 42), FixTestSettings.GATEWAY);
        assertEquals(List.of(new Status(7, 0, VenueOrderStatus.WORKING, 300, 100_250_000, 700, 40),
            new Status(8, 0, VenueOrderStatus.UNKNOWN, 0, 0, 0, 41),
            new Status(9, FixSessionAdapter.executionId("S-1"), VenueOrderStatus.FILLED, 10, 1_000_000, 0, 42)),
            statuses(), "ExecID 0, as FIX allows on status reports, is no id; a 4.2 ExecType I is read too");
        assertEquals(3, executions().size(), "nothing but the three answers");
        assertEquals(0, counters.get(GatewayCounters.CORRECTIONS_IGNORED));
    }

    @Test
    void shouldPublishAnUnreadableStatusAnswerAsReadSoTheEngineRefusesAndCountsIt() throws FieldNotFound {
        adapter.fromApp(status(new ExecutionReport(), 'I', '1', -1, "7", "40", "100.0000001", "60", "90", 3),
            FixTestSettings.GATEWAY);
        adapter.fromApp(status(new ExecutionReport(), 'I', 'Z', -1, "7", "1.5", "1", "x", "91", 4),
            FixTestSettings.GATEWAY);
        assertEquals(List.of(new Status(7, 90, VenueOrderStatus.WORKING, 40, Fixed.INVALID, 60, 3),
            new Status(7, 91, FixOrdStatus.NO_ANSWER, FixDecimal.INVALID_QUANTITY, 1_000_000,
                FixDecimal.INVALID_QUANTITY, 4)), statuses());
        assertEquals(2, counters.get(GatewayCounters.MALFORMED_EXECUTIONS));
    }

    @Test
    void shouldCarryTheMsgSeqNumOfEveryMessageAnExecutionCameFrom() throws FieldNotFound {
        final Message trade = report("7", 'F', "100", "0.29", "0", "12");
        trade.getHeader().setInt(MsgSeqNum.FIELD, 21);
        adapter.fromApp(trade, FixTestSettings.GATEWAY);
        final Message ack = report("8", '0', null, null, "5", "13");
        ack.getHeader().setInt(MsgSeqNum.FIELD, 22);
        adapter.fromApp(ack, FixTestSettings.GATEWAY);
        final OrderCancelReject cancelReject = new OrderCancelReject();
        cancelReject.setString(ClOrdID.FIELD, "9");
        cancelReject.getHeader().setInt(MsgSeqNum.FIELD, 23);
        adapter.fromApp(cancelReject, FixTestSettings.GATEWAY);
        sendThroughAdapter(new NewOrderSingle(), 4, "10");
        final Reject reject = new Reject();
        reject.setInt(RefSeqNum.FIELD, 4);
        reject.getHeader().setInt(MsgSeqNum.FIELD, 24);
        adapter.fromAdmin(reject, FixTestSettings.GATEWAY);
        final BusinessMessageReject business = new BusinessMessageReject();
        business.setString(RefMsgType.FIELD, MsgType.ORDER_CANCEL_REQUEST);
        business.setString(BusinessRejectRefID.FIELD, "11");
        business.getHeader().setInt(MsgSeqNum.FIELD, 25);
        adapter.fromApp(business, FixTestSettings.GATEWAY);
        assertEquals(List.of(21L, 22L, 23L, 24L, 25L), sourceSequences());
        assertEquals(List.of(7L, 8L, 9L, 10L, 11L), executions().stream().map(Execution::clientOrderId).toList());
    }

    @Test
    void shouldAnswerAStatusRequestTheVenueRefusedWithNoAnswerForTheOrder() throws FieldNotFound {
        sendThroughAdapter(new quickfix.fix44.OrderStatusRequest(), 30, "7");
        sendThroughAdapter(new quickfix.fix42.OrderStatusRequest(), 31, "8");
        final Reject reject = new Reject();
        reject.setInt(RefSeqNum.FIELD, 30);
        reject.setString(RefMsgType.FIELD, MsgType.ORDER_STATUS_REQUEST);
        reject.getHeader().setInt(MsgSeqNum.FIELD, 50);
        adapter.fromAdmin(reject, FixTestSettings.GATEWAY);
        final BusinessMessageReject unsupported = new BusinessMessageReject();
        unsupported.setString(RefMsgType.FIELD, MsgType.ORDER_STATUS_REQUEST);
        unsupported.setInt(RefSeqNum.FIELD, 31);
        unsupported.setString(BusinessRejectRefID.FIELD, "8-1700000000000000000");
        unsupported.getHeader().setInt(MsgSeqNum.FIELD, 51);
        adapter.fromApp(unsupported, FixTestSettings.GATEWAY);
        assertEquals(List.of(new Status(7, 0, FixOrdStatus.NO_ANSWER, 0, 0, 0, 50),
            new Status(8, 0, FixOrdStatus.NO_ANSWER, 0, 0, 0, 51)), statuses(),
            "an OrdStatusReqID as BusinessRejectRefID is not a ClOrdID: the sequence number names the request");
        assertEquals(2, counters.get(GatewayCounters.STATUS_REQUESTS_REJECTED));
        assertEquals(0, counters.get(GatewayCounters.CANCEL_REJECTS) + counters.get(
            GatewayCounters.ORDERS_REJECTED_BY_VENUE));
    }

    @Test
    void shouldRefuseToResendOurOrdersCancelsReplacesAndStatusRequests() {
        final Message[] ours = {new NewOrderSingle(), new quickfix.fix44.OrderCancelRequest(),
            new quickfix.fix44.OrderCancelReplaceRequest(), new quickfix.fix42.OrderStatusRequest()};
        for (int i = 0; i < ours.length; i++) {
            final Message message = ours[i];
            message.getHeader().setInt(MsgSeqNum.FIELD, 40 + i);
            message.setString(ClOrdID.FIELD, Integer.toString(70 + i));
            assertDoesNotThrow(() -> adapter.toApp(message, FixTestSettings.GATEWAY), "sent the first time");
            message.getHeader().setBoolean(PossDupFlag.FIELD, true);
            assertThrows(DoNotSend.class, () -> adapter.toApp(message, FixTestSettings.GATEWAY), "never resent");
        }
        assertEquals(4, counters.get(GatewayCounters.RESENDS_REFUSED));
    }

    @Test
    void shouldCountAnOrderRejectedAsADuplicateClOrdIdAndReportItRejected() throws FieldNotFound {
        final Message duplicate = report("7", '8', null, null, "0", "5");
        duplicate.setInt(OrdRejReason.FIELD, OrdRejReason.DUPLICATE_ORDER);
        adapter.fromApp(duplicate, FixTestSettings.GATEWAY);
        assertEquals(List.of(new Execution(NOW, 7, 5, ExecType.REJECTED, 0, 0, 0)), executions());
        assertEquals(1, counters.get(GatewayCounters.DUPLICATE_ORDER_REJECTS));
    }

    @Test
    void shouldPutTheCredentialsOnTheLogonOnly() throws FieldNotFound {
        final FixSessionAdapter withCredentials = new FixSessionAdapter(new InboundPublisher(ring), () -> NOW,
            counters, new SentOrders(16), "rebalancer", "s3cret", 0);
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
        try {
            adapter.toApp(message, FixTestSettings.GATEWAY);
        } catch (final DoNotSend ex) {
            throw new AssertionError("a first send is never refused", ex);
        }
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

    /** Sets what an order status answer carries on {@code report}, with a MsgSeqNum. */
    private static Message status(final Message report, final char execType, final char ordStatus,
        final int rejectReason, final String clOrdId, final String cumulative, final String average,
        final String leaves, final String execId, final int seqNum) {
        report.getHeader().setInt(MsgSeqNum.FIELD, seqNum);
        report.setString(ClOrdID.FIELD, clOrdId);
        report.setChar(quickfix.field.ExecType.FIELD, execType);
        report.setChar(OrdStatus.FIELD, ordStatus);
        if (rejectReason >= 0) {
            report.setInt(OrdRejReason.FIELD, rejectReason);
        }
        report.setString(CumQty.FIELD, cumulative);
        report.setString(AvgPx.FIELD, average);
        report.setString(LeavesQty.FIELD, leaves);
        report.setString(ExecID.FIELD, execId);
        return report;
    }

    private List<Status> statuses() {
        final List<Status> out = new ArrayList<>();
        for (long sequence = 0; sequence <= ring.getCursor(); sequence++) {
            final InboundEvent e = ring.get(sequence);
            if (e.execType() == ExecType.ORDER_STATUS) {
                out.add(new Status(e.clientOrderId(), e.executionId(), e.orderStatus(), e.cumulativeQuantity(),
                    e.averagePrice(), e.leavesQuantity(), e.sourceSequence()));
            }
        }
        return out;
    }

    private List<Long> sourceSequences() {
        final List<Long> out = new ArrayList<>();
        for (long sequence = 0; sequence <= ring.getCursor(); sequence++) {
            out.add(ring.get(sequence).sourceSequence());
        }
        return out;
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

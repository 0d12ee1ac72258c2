package io.rebalancer.fix;

import io.rebalancer.engine.core.OrderHandOff;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.pipeline.ExecType;
import org.junit.jupiter.api.Test;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.HandlInst;
import quickfix.field.MsgType;
import quickfix.field.OrdStatusReqID;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway agent on its own, driven by hand: records written into a real {@link OrderHandOff}, a recording
 * wire in place of the QuickFIX/J session, and a clock the test moves.
 */
class GatewayAgentTest {
    private static final long START = 1_700_000_000_000_000_000L;
    private static final long PRICE = Fixed.parse("100.29");

    private final OrderHandOff handOff = new OrderHandOff(64);
    private final RecordingWire wire = new RecordingWire();
    private final InboundRecorder inbound = new InboundRecorder();
    private final GatewayCounters counters = new GatewayCounters();
    private long now = START;

    @Test
    void shouldSendACancelAsAnOrderCancelRequestWithTheRequestAndOriginalIds() throws FieldNotFound {
        final GatewayAgent agent = agent(0);
        handOff.onCancelOrder(now, 11, 7, 0, 1, Side.SELL, 300);
        assertEquals(1, agent.doWork());
        final Message cancel = wire.sent.get(0);
        assertInstanceOf(quickfix.fix44.OrderCancelRequest.class, cancel);
        assertEquals("11", cancel.getString(ClOrdID.FIELD));
        assertEquals("7", cancel.getString(OrigClOrdID.FIELD));
        assertEquals(Side.SELL, (byte)cancel.getChar(quickfix.field.Side.FIELD));
        assertEquals("TLT", cancel.getString(Symbol.FIELD));
        assertEquals("300", cancel.getString(OrderQty.FIELD));
        assertTrue(cancel.isSetField(TransactTime.FIELD));
        assertFalse(cancel.isSetField(Price.FIELD));
        assertEquals(1, counters.get(GatewayCounters.CANCELS_SENT));
    }

    @Test
    void shouldSendAReplaceAsAnOrderCancelReplaceRequestWithTheNewTotalAndExactPrice() throws FieldNotFound {
        final GatewayAgent agent = agent(0);
        handOff.onReplaceOrder(now, 12, 7, 0, 0, Side.BUY, 450, Fixed.parse("0.29"));
        agent.doWork();
        final Message replace = wire.sent.get(0);
        assertInstanceOf(quickfix.fix44.OrderCancelReplaceRequest.class, replace);
        assertEquals("12", replace.getString(ClOrdID.FIELD));
        assertEquals("7", replace.getString(OrigClOrdID.FIELD));
        assertEquals("SPY", replace.getString(Symbol.FIELD));
        assertEquals("450", replace.getString(OrderQty.FIELD));
        assertEquals(OrdType.LIMIT, replace.getChar(OrdType.FIELD));
        assertEquals("0.29", replace.getString(Price.FIELD));
        assertEquals(TimeInForce.DAY, replace.getChar(TimeInForce.FIELD));
        assertFalse(replace.isSetField(HandlInst.FIELD), "HandlInst is 4.2's");
        assertEquals(1, counters.get(GatewayCounters.REPLACES_SENT));
    }

    @Test
    void shouldBuildFix42MessagesWithHandlInstForAFix42Session() throws FieldNotFound {
        wire.dialect = OrderWire.FIX42;
        final GatewayAgent agent = agent(0);
        handOff.onNewOrder(now, 5, 0, 0, Side.BUY, 100, PRICE);
        handOff.onCancelOrder(now, 6, 5, 0, 0, Side.BUY, 100);
        handOff.onReplaceOrder(now, 8, 5, 0, 0, Side.BUY, 200, PRICE);
        assertEquals(3, agent.doWork());
        assertInstanceOf(quickfix.fix42.NewOrderSingle.class, wire.sent.get(0));
        assertInstanceOf(quickfix.fix42.OrderCancelRequest.class, wire.sent.get(1));
        assertInstanceOf(quickfix.fix42.OrderCancelReplaceRequest.class, wire.sent.get(2));
        assertEquals('1', wire.sent.get(0).getChar(HandlInst.FIELD));
        assertEquals("100", wire.sent.get(1).getString(OrderQty.FIELD), "4.2 requires OrderQty on a cancel");
        assertEquals('1', wire.sent.get(2).getChar(HandlInst.FIELD));
        assertEquals("100.29", wire.sent.get(0).getString(Price.FIELD));
        assertEquals(MsgType.ORDER_CANCEL_REPLACE_REQUEST, wire.sent.get(2).getHeader().getString(MsgType.FIELD));
    }

    @Test
    void shouldRefuseRequestsBackAsCancelRejectedAndOrdersAsRejectedWhileOffline() {
        wire.dialect = OrderWire.OFFLINE;
        final GatewayAgent agent = agent(0);
        handOff.onNewOrder(now, 5, 0, 0, Side.BUY, 100, PRICE);
        handOff.onCancelOrder(now, 6, 4, 0, 0, Side.BUY, 100);
        handOff.onReplaceOrder(now, 8, 3, 0, 0, Side.BUY, 200, PRICE);
        agent.doWork();
        assertEquals(List.of(
            new InboundRecorder.Execution(5, -5, ExecType.REJECTED, 0, 0, 0),
            new InboundRecorder.Execution(6, -6, ExecType.CANCEL_REJECTED, 0, 0, 0),
            new InboundRecorder.Execution(8, -8, ExecType.CANCEL_REJECTED, 0, 0, 0)), inbound.executions());
        assertEquals(1, counters.get(GatewayCounters.ORDERS_REJECTED_OFFLINE));
        assertEquals(2, counters.get(GatewayCounters.REQUESTS_REFUSED_BEFORE_SENDING));
        assertTrue(wire.sent.isEmpty());
    }

    @Test
    void shouldSendAStatusRequestWithTheOrdersIdSideAndSymbolInEitherDialect() throws FieldNotFound {
        final GatewayAgent agent = agent(0);
        handOff.onStatusRequest(now, 7, 0, 1, Side.SELL, 300);
        wire.dialect = OrderWire.FIX44;
        agent.doWork();
        wire.dialect = OrderWire.FIX42;
        handOff.onStatusRequest(now, 8, 0, 0, Side.BUY, 10);
        agent.doWork();
        final Message status44 = wire.sent.get(0);
        assertInstanceOf(quickfix.fix44.OrderStatusRequest.class, status44);
        assertEquals("7", status44.getString(ClOrdID.FIELD));
        assertEquals("TLT", status44.getString(Symbol.FIELD));
        assertEquals(Side.SELL, (byte)status44.getChar(quickfix.field.Side.FIELD));
        assertEquals("7-" + START, status44.getString(OrdStatusReqID.FIELD));
        assertFalse(status44.isSetField(OrderQty.FIELD) || status44.isSetField(TransactTime.FIELD)
            || status44.isSetField(OrigClOrdID.FIELD), "none of these is a field of 35=H");
        final Message status42 = wire.sent.get(1);
        assertInstanceOf(quickfix.fix42.OrderStatusRequest.class, status42);
        assertEquals("8", status42.getString(ClOrdID.FIELD));
        assertEquals("SPY", status42.getString(Symbol.FIELD));
        assertFalse(status42.isSetField(OrdStatusReqID.FIELD), "4.2 has no OrdStatusReqID");
        assertEquals(2, counters.get(GatewayCounters.STATUS_REQUESTS_SENT));
        assertTrue(inbound.executions().isEmpty());
    }

    @Test
    void shouldAnswerAStatusRequestThatCannotGoOutWithNoAnswerForTheOrder() {
        wire.dialect = OrderWire.OFFLINE;
        final GatewayAgent agent = agent(0);
        handOff.onStatusRequest(now, 7, 0, 1, Side.SELL, 300);
        handOff.onStatusRequest(now, 7, 0, 1, Side.SELL, 300);
        agent.doWork();
        wire.dialect = OrderWire.FIX44;
        wire.refuse = true;
        handOff.onStatusRequest(now, 9, 0, 0, Side.BUY, 10);
        agent.doWork();
        assertEquals(List.of(new InboundRecorder.Execution(7, 0, ExecType.ORDER_STATUS, 0, 0, 0),
            new InboundRecorder.Execution(7, 0, ExecType.ORDER_STATUS, 0, 0, 0),
            new InboundRecorder.Execution(9, 0, ExecType.ORDER_STATUS, 0, 0, 0)), inbound.executions(),
            "execution id 0 (no id), so asking again and being refused again is not a duplicate");
        assertEquals(List.of(new InboundRecorder.Status(7, FixOrdStatus.NO_ANSWER, 0, 0, 0),
            new InboundRecorder.Status(7, FixOrdStatus.NO_ANSWER, 0, 0, 0),
            new InboundRecorder.Status(9, FixOrdStatus.NO_ANSWER, 0, 0, 0)), inbound.statuses());
        assertEquals(List.of(0L, 0L, 0L), inbound.sourceSequences());
        assertEquals(3, counters.get(GatewayCounters.STATUS_REQUESTS_NOT_SENT));
        assertEquals(0, counters.get(GatewayCounters.STATUS_REQUESTS_SENT));
        assertTrue(wire.sent.isEmpty());
    }

    @Test
    void shouldRefuseARequestBackWhenTheSessionRefusesToSendIt() {
        wire.refuse = true;
        final GatewayAgent agent = agent(0);
        handOff.onCancelOrder(now, 6, 4, 0, 0, Side.BUY, 100);
        agent.doWork();
        assertEquals(List.of(new InboundRecorder.Execution(6, -6, ExecType.CANCEL_REJECTED, 0, 0, 0)),
            inbound.executions());
        assertEquals(0, counters.get(GatewayCounters.CANCELS_SENT));
    }

    @Test
    void shouldStopDrainingWhenTheBudgetIsSpentAndLoseNothing() throws FieldNotFound {
        final GatewayAgent agent = agent(3);
        final List<String> handedOver = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            if (i % 3 == 0) {
                handOff.onCancelOrder(now, 100 + i, i - 1, 0, 0, Side.BUY, 10);
            } else {
                handOff.onNewOrder(now, 100 + i, 0, 0, Side.BUY, 10, PRICE);
            }
            handedOver.add(Long.toString(100 + i));
        }
        assertEquals(3, agent.doWork());
        assertEquals(0, agent.doWork(), "budget spent: the rest waits in the ring");
        assertEquals(0, agent.doWork());
        assertEquals(1, counters.get(GatewayCounters.RATE_LIMITED_WAITS), "one wait, however many idle cycles");
        now += SendRateLimit.WINDOW_NANOS - 1;
        assertEquals(0, agent.doWork(), "still inside the second of the first three");
        now += 1;
        assertEquals(3, agent.doWork());
        assertEquals(0, agent.doWork());
        assertEquals(2, counters.get(GatewayCounters.RATE_LIMITED_WAITS));
        now += SendRateLimit.WINDOW_NANOS;
        assertEquals(1, agent.doWork());
        assertEquals(0, agent.doWork());
        assertEquals(2, counters.get(GatewayCounters.RATE_LIMITED_WAITS), "an empty ring is no wait");

        final List<String> wireOrder = new ArrayList<>();
        for (final Message message : wire.sent) {
            wireOrder.add(message.getString(ClOrdID.FIELD));
        }
        assertEquals(handedOver, wireOrder, "everything went, in the order handed over, cancels in line");
        assertEquals(5, counters.get(GatewayCounters.ORDERS_SENT));
        assertEquals(2, counters.get(GatewayCounters.CANCELS_SENT));
        assertTrue(inbound.executions().isEmpty());
    }

    @Test
    void shouldSpreadTheBudgetOverASlidingSecond() {
        final GatewayAgent agent = agent(2);
        handOff.onNewOrder(now, 1, 0, 0, Side.BUY, 10, PRICE);
        assertEquals(1, agent.doWork());
        now += 600_000_000L;
        handOff.onNewOrder(now, 2, 0, 0, Side.BUY, 10, PRICE);
        handOff.onNewOrder(now, 3, 0, 0, Side.BUY, 10, PRICE);
        assertEquals(1, agent.doWork(), "one of two per second left");
        now += 400_000_000L;
        assertEquals(1, agent.doWork(), "the first send left the window");
        assertEquals(3, wire.sent.size());
    }

    @Test
    void shouldRefuseBackWhatIsOverBudgetWhenClosing() {
        final GatewayAgent agent = agent(1);
        handOff.onNewOrder(now, 1, 0, 0, Side.BUY, 10, PRICE);
        handOff.onNewOrder(now, 2, 0, 0, Side.BUY, 10, PRICE);
        handOff.onReplaceOrder(now, 3, 1, 0, 0, Side.BUY, 20, PRICE);
        agent.onClose();
        assertEquals(1, wire.sent.size());
        assertEquals(List.of(new InboundRecorder.Execution(2, -2, ExecType.REJECTED, 0, 0, 0),
            new InboundRecorder.Execution(3, -3, ExecType.CANCEL_REJECTED, 0, 0, 0)), inbound.executions());
    }

    private GatewayAgent agent(final int perSecond) {
        return new GatewayAgent(handOff.ring(), wire, new OrderMessages(new String[] {"SPY", "TLT"}),
            inbound.publisher, () -> now, counters, new SendRateLimit(perSecond));
    }
}

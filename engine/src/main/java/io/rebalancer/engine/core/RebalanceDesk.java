package io.rebalancer.engine.core;

import io.rebalancer.engine.plan.RebalancePlanner;
import io.rebalancer.engine.plan.TradePlan;
import io.rebalancer.engine.risk.RiskGate;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.engine.state.PriceBoard;

/**
 * Turns a fired trigger into child orders: plans the sells, passes each through risk and books the accepted
 * ones as working, then plans the buys from the state that leaves, so buys only spend cash that exists or is
 * being raised by sells that really went out. Each accepted order gets the next client order id.
 */
final class RebalanceDesk {
    private final RebalancePlanner planner;
    private final RiskGate risk;
    private final OrderTable orders;
    private final PriceBoard prices;
    private final OrderSink sink;
    private final EngineListener listener;
    private final EngineCounters counters;
    private final TradePlan plan;
    private long nextClientOrderId;
    private int sent;
    private int rejected;

    RebalanceDesk(final RebalancePlanner planner, final RiskGate risk, final OrderTable orders,
        final PriceBoard prices, final OrderSink sink, final EngineListener listener, final EngineCounters counters,
        final long firstClientOrderId, final int maxAssets) {
        this.planner = planner;
        this.risk = risk;
        this.orders = orders;
        this.prices = prices;
        this.sink = sink;
        this.listener = listener;
        this.counters = counters;
        this.plan = new TradePlan(maxAssets);
        this.nextClientOrderId = firstClientOrderId;
    }

    void rebalance(final long sequence, final long now, final Portfolio portfolio) {
        sent = 0;
        rejected = 0;
        planner.planSells(portfolio, prices, plan);
        send(sequence, now, portfolio);
        planner.planBuys(portfolio, prices, plan);
        send(sequence, now, portfolio);
        listener.onRebalancePlanned(sequence, now, portfolio.id(), sent, rejected);
    }

    private void send(final long sequence, final long now, final Portfolio portfolio) {
        for (int i = 0, size = plan.size(); i < size; i++) {
            final int slot = plan.slot(i);
            final int instrument = portfolio.instrumentId(slot);
            final byte side = plan.side(i);
            final long quantity = plan.quantity(i);
            final long limit = plan.limitPrice(i);
            final RiskVerdict verdict = orders.isFull()
                ? RiskVerdict.ORDER_CAPACITY
                : risk.check(now, instrument, side, quantity, limit, plan.referencePrice(i));
            if (verdict != RiskVerdict.ACCEPTED) {
                rejected++;
                counters.increment(EngineCounters.ORDERS_REJECTED);
                listener.onOrderRejected(sequence, now, portfolio.id(), instrument, side, quantity, limit, verdict);
                continue;
            }
            final long clientOrderId = nextClientOrderId++;
            orders.open(clientOrderId, portfolio.id(), slot, instrument, side, quantity, limit);
            portfolio.orderOpened(slot, side, quantity, limit);
            sent++;
            counters.increment(EngineCounters.ORDERS_SENT);
            sink.onNewOrder(now, clientOrderId, portfolio.id(), instrument, side, quantity, limit);
            listener.onOrderSent(sequence, now, clientOrderId, portfolio.id(), instrument, side, quantity, limit);
        }
    }
}

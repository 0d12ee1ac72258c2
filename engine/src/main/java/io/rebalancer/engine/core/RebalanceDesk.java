package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.OrderPolicy.WorkingOrderPolicy;
import io.rebalancer.engine.domain.Side;
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
 * <p>
 * With {@link WorkingOrderPolicy#REPLACE}, orders still working from an earlier rebalance are taken out of the
 * books while a phase plans (as if they had never been sent), then put back and reconciled slot by slot with the
 * new plan: the same order is kept; a different quantity or limit on the same side becomes a cancel/replace
 * (through risk, like a new order); a slot the plan no longer trades, or wants on the other side, has its order
 * cancelled, and the other side waits for the cancel to be confirmed, so the portfolio never trades against
 * itself. Buys are sent only while the cash not already committed covers them: an order being cancelled still
 * holds its cash, and the proceeds of a sell being cancelled are not spent.
 * <p>
 * Nothing here outlives one rebalance (its arrays and counts are scratch), so it has nothing in an engine snapshot;
 * state that must last goes to a component that writes it ({@link OrderTable}, {@link OrderRequests}).
 */
final class RebalanceDesk {
    private final RebalancePlanner planner;
    private final RiskGate risk;
    private final OrderTable orders;
    private final OrderRequests requests;
    private final PriceBoard prices;
    private final OrderSink sink;
    private final EngineListener listener;
    private final EngineCounters counters;
    private final ClientOrderIds ids;
    private final boolean replaceWorking;
    private final TradePlan plan;
    /** Working orders of the portfolio being planned, on the side being planned. */
    private final int[] withdrawn;
    private final boolean[] matched;
    private int withdrawnCount;
    private int sent;
    private int rejected;

    RebalanceDesk(final RebalancePlanner planner, final RiskGate risk, final OrderTable orders,
        final OrderRequests requests, final PriceBoard prices, final OrderSink sink,
        final EngineListener listener, final EngineCounters counters, final ClientOrderIds ids,
        final WorkingOrderPolicy workingOrders, final int maxAssets, final int orderCapacity) {
        this.planner = planner;
        this.risk = risk;
        this.orders = orders;
        this.requests = requests;
        this.prices = prices;
        this.sink = sink;
        this.listener = listener;
        this.counters = counters;
        this.ids = ids;
        this.replaceWorking = workingOrders == WorkingOrderPolicy.REPLACE;
        this.plan = new TradePlan(maxAssets);
        withdrawn = new int[orderCapacity];
        matched = new boolean[orderCapacity];
    }

    /** Plans and sends; the caller makes sure the portfolio has no cancel or replace request out. */
    void rebalance(final long sequence, final long now, final Portfolio portfolio) {
        sent = 0;
        rejected = 0;
        phase(sequence, now, portfolio, Side.SELL);
        phase(sequence, now, portfolio, Side.BUY);
        listener.onRebalancePlanned(sequence, now, portfolio.id(), sent, rejected);
    }

    private void phase(final long sequence, final long now, final Portfolio portfolio, final byte side) {
        if (replaceWorking) {
            if (side == Side.BUY) {
                portfolio.holdBackProceeds(proceedsAtRisk(portfolio));
            }
            withdraw(portfolio, side);
        }
        if (side == Side.SELL) {
            planner.planSells(portfolio, prices, plan);
        } else {
            planner.planBuys(portfolio, prices, plan);
        }
        if (!replaceWorking) {
            send(sequence, now, portfolio, Long.MAX_VALUE);
            return;
        }
        restore(portfolio);
        final long spare = side == Side.BUY
            ? Fixed.subtract(portfolio.effectiveCash(), portfolio.cashBuffer()) : Long.MAX_VALUE;
        send(sequence, now, portfolio, spare);
        portfolio.holdBackProceeds(0);
        for (int i = 0; i < withdrawnCount; i++) {
            if (!matched[i]) {
                requests.cancel(sequence, now, withdrawn[i], CancelReason.PLAN_CHANGED);
            }
        }
    }

    /** Takes the portfolio's working orders on one side out of its books, so the planner plans as if they were not. */
    private void withdraw(final Portfolio portfolio, final byte side) {
        withdrawnCount = 0;
        for (int index = orders.firstOfPortfolio(portfolio.id()); index >= 0; index = orders.nextOfPortfolio(index)) {
            if (orders.side(index) == side && withdrawnCount < withdrawn.length) {
                portfolio.workingChanged(orders.slot(index), side, orders.leaves(index), orders.limitPrice(index), 0,
                    0);
                matched[withdrawnCount] = false;
                withdrawn[withdrawnCount++] = index;
            }
        }
    }

    private void restore(final Portfolio portfolio) {
        for (int i = 0; i < withdrawnCount; i++) {
            final int index = withdrawn[i];
            portfolio.workingChanged(orders.slot(index), orders.side(index), 0, 0, orders.leaves(index),
                orders.limitPrice(index));
        }
    }

    /**
     * Expected proceeds the buys must not count on: those of sells being cancelled (they may never come), and what a
     * sell being replaced would raise less under its new terms (the books keep its old terms until the venue
     * accepts).
     */
    private long proceedsAtRisk(final Portfolio portfolio) {
        long atRisk = 0;
        for (int index = orders.firstOfPortfolio(portfolio.id()); index >= 0; index = orders.nextOfPortfolio(index)) {
            if (orders.side(index) != Side.SELL || orders.requestKind(index) == OrderTable.NO_REQUEST) {
                continue;
            }
            final long booked = Fixed.multiply(orders.leaves(index), orders.limitPrice(index));
            long after = 0;
            if (orders.requestKind(index) == OrderTable.REPLACE_REQUEST) {
                after = Fixed.multiply(Math.max(0, orders.requestQuantity(index) - orders.cumulativeQuantity(index)),
                    orders.requestLimit(index));
            }
            if (booked > after) {
                atRisk = Fixed.add(atRisk, booked - after);
            }
        }
        return atRisk;
    }

    private void send(final long sequence, final long now, final Portfolio portfolio, final long spareCash) {
        long spare = spareCash;
        for (int i = 0, size = plan.size(); i < size; i++) {
            final int slot = plan.slot(i);
            final byte side = plan.side(i);
            final long quantity = plan.quantity(i);
            final long limit = plan.limitPrice(i);
            final int working = replaceWorking ? matchWorking(slot) : -1;
            final long committed = working < 0 ? 0 : Fixed.multiply(orders.leaves(working), orders.limitPrice(working));
            final long cost = side == Side.BUY ? Fixed.multiply(quantity, limit) - committed : 0;
            if (cost > 0 && cost > spare) {
                // A new or bigger buy the cash does not cover now; a smaller one always goes, it frees cash.
                continue;
            }
            if (working >= 0 && orders.leaves(working) == quantity && orders.limitPrice(working) == limit) {
                continue;
            }
            if (!passesRisk(sequence, now, portfolio, slot, side, quantity, limit, plan.referencePrice(i),
                working < 0)) {
                continue;
            }
            if (side == Side.BUY) {
                // A smaller buy frees its cash only once the venue accepts the replace: never counted before.
                spare -= Math.max(0, cost);
            }
            if (working >= 0) {
                if (!requests.replace(sequence, now, working, quantity, limit)) {
                    requests.cancel(sequence, now, working, CancelReason.PLAN_CHANGED);
                }
            } else {
                open(sequence, now, portfolio, slot, side, quantity, limit);
            }
        }
    }

    /** The first withdrawn order on this slot not yet matched, marked matched; -1 if none. */
    private int matchWorking(final int slot) {
        for (int i = 0; i < withdrawnCount; i++) {
            if (!matched[i] && orders.slot(withdrawn[i]) == slot) {
                matched[i] = true;
                return withdrawn[i];
            }
        }
        return -1;
    }

    private boolean passesRisk(final long sequence, final long now, final Portfolio portfolio, final int slot,
        final byte side, final long quantity, final long limit, final long reference, final boolean isNew) {
        final int instrument = portfolio.instrumentId(slot);
        final RiskVerdict verdict = isNew && orders.isFull()
            ? RiskVerdict.ORDER_CAPACITY
            : risk.check(now, instrument, side, quantity, limit, reference);
        if (verdict == RiskVerdict.ACCEPTED) {
            return true;
        }
        rejected++;
        counters.increment(EngineCounters.ORDERS_REJECTED);
        listener.onOrderRejected(sequence, now, portfolio.id(), instrument, side, quantity, limit, verdict);
        return false;
    }

    private void open(final long sequence, final long now, final Portfolio portfolio, final int slot,
        final byte side, final long quantity, final long limit) {
        final int instrument = portfolio.instrumentId(slot);
        final long clientOrderId = ids.next();
        final int index = orders.open(clientOrderId, portfolio.id(), slot, instrument, side, quantity, limit);
        portfolio.orderOpened(slot, side, quantity, limit);
        requests.startAge(index, now);
        sent++;
        counters.increment(EngineCounters.ORDERS_SENT);
        sink.onNewOrder(now, clientOrderId, portfolio.id(), instrument, side, quantity, limit);
        listener.onOrderSent(sequence, now, clientOrderId, portfolio.id(), instrument, side, quantity, limit);
        requests.state(sequence, now, index);
    }
}

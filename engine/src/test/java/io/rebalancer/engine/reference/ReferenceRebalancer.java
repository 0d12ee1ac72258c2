package io.rebalancer.engine.reference;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.core.OrderState;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.trigger.TriggerReason;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A slow, obviously correct model of the whole engine, for the differential test. It keeps only what is true
 * (last quotes, settled holdings and cash, working orders, the risk history, trigger memory) and recomputes every
 * value, weight and drift from scratch, exactly, whenever it decides. It shares no logic with the engine: only
 * the configuration records and the vocabulary (enums and codes) of the outputs.
 * <p>
 * The rules, as the engine documents them:
 * <ul>
 *     <li>The clock is the latest event time seen (a refused tick does not move it). Moving it lets every
 *     calendar whose next review it reached fall due, in portfolio order.</li>
 *     <li>A tick is refused, in this order, for an unknown instrument, a missing number, a negative price or no
 *     price at all, a crossed quote, a price above the instrument's maximum, a time before the instrument's last
 *     accepted tick. An accepted tick touches every portfolio holding or targeting the instrument.</li>
 *     <li>A timer earlier than the clock is refused. Executions and commands move the clock only once accepted:
 *     a refused input changes nothing.</li>
 *     <li>At the end of a batch each touched portfolio is decided once, in the order first touched: skipped unless
 *     it can be judged (fresh prices, something investable); then its trigger decides; if it fires, sells are
 *     planned, risk-checked and booked, then buys are planned from the state that leaves.</li>
 *     <li>Every accepted order gets the next client order id; a full order table refuses before the risk gate.</li>
 *     <li>A portfolio with a cancel or replace request out, or waiting out a reject back-off, is not planned (its
 *     due review or manual request stays due); moving the clock cancels orders past the maximum age and gives up
 *     requests past the timeout ({@link ReferenceOrders}); a given-up request or an ended wait has every portfolio
 *     judged again ({@link ReferenceBackoff}).</li>
 *     <li>With the replace policy, each side is planned without its working orders, which are then kept,
 *     replaced or cancelled ({@link #reconcile}).</li>
 * </ul>
 */
final class ReferenceRebalancer {
    private static final TradingState[] TRADING_STATES = TradingState.values();
    private static final CancelReason[] CANCEL_REASONS = CancelReason.values();

    private final EngineConfig config;
    private final List<Output> log = new ArrayList<>();
    private final List<String> nearTies = new ArrayList<>();
    private final Map<Integer, Quote> quotes = new HashMap<>();
    private final List<ReferencePortfolio> portfolios = new ArrayList<>();
    /** How often each lifecycle path was taken, for coverage. */
    private final Map<String, Integer> paths = new TreeMap<>();
    private final ReferenceOrders orders;
    private final ReferenceBackoff backoff;
    /** Execution ids booked so far (the engine remembers a window far larger than any test run). */
    private final Set<Long> bookedExecutionIds = new HashSet<>();
    private final Set<Integer> touched = new LinkedHashSet<>();
    private final ReferenceRisk risk;
    private final ReferenceTradePlanner planner;
    private long clock = Long.MIN_VALUE;

    ReferenceRebalancer(final EngineConfig config) {
        this.config = config;
        for (final PortfolioSpec spec : config.portfolios()) {
            portfolios.add(new ReferencePortfolio(spec, new ReferenceTrigger(spec, nearTies)));
        }
        risk = new ReferenceRisk(config.risk(), config.universe().size(), config.settings().zone());
        planner = new ReferenceTradePlanner(config);
        orders = new ReferenceOrders(config, log, paths);
        backoff = new ReferenceBackoff(config.orders(), config.portfolios().size(), paths);
    }

    /** Everything decided so far, in order. */
    List<Output> log() {
        return log;
    }

    /** Comparisons of a drift ratio with a threshold so close that the engine's doubles could decide otherwise. */
    List<String> nearTies() {
        return nearTies;
    }

    long clock() {
        return clock;
    }

    TradingState tradingState() {
        return risk.state();
    }

    int workingOrders() {
        return orders.size();
    }

    /** Own ids of the orders working now. */
    List<Long> workingOrderIds() {
        return orders.working().stream().map(WorkingOrder::clientOrderId).toList();
    }

    /** How the order's last state report should show it; null for an id that was never an order. */
    ShownState shownState(final long clientOrderId) {
        final WorkingOrder order = orders.ever(clientOrderId);
        return order == null ? null : order.shown();
    }

    /** How often each order lifecycle path was taken. */
    Map<String, Integer> paths() {
        return paths;
    }

    void onInput(final Input input, final boolean endOfBatch) {
        if (input instanceof Input.Tick tick) {
            onTick(tick);
        } else if (input instanceof Input.Execution execution) {
            onExecution(execution);
        } else if (input instanceof Input.Timer timer) {
            if (timer.time() < clock) {
                reject(InputReject.TIME_REGRESSION, timer.time());
            } else {
                advanceClock(timer.time());
            }
        } else if (input instanceof Input.OperatorCommand command) {
            onCommand(command);
        }
        expireDeadlines();
        if (endOfBatch) {
            for (final int id : touched) {
                decide(portfolios.get(id));
            }
            touched.clear();
        }
    }

    /** The books of one portfolio, recomputed from the settled state and the working orders. */
    Holdings holdings(final int id) {
        final ReferencePortfolio portfolio = portfolios.get(id);
        final Valuation valuation = Valuation.of(portfolio, quotes, orders.working());
        final List<Long> settled = new ArrayList<>();
        final List<Long> openBuys = new ArrayList<>();
        final List<Long> openSells = new ArrayList<>();
        int open = 0;
        for (final int instrument : portfolio.instruments()) {
            settled.add(portfolio.settled(instrument));
            long buys = 0;
            long sells = 0;
            for (final WorkingOrder order : orders.working()) {
                if (order.portfolio() == id && order.instrument() == instrument) {
                    open++;
                    if (order.side() == Side.BUY) {
                        buys += order.leaves();
                    } else {
                        sells += order.leaves();
                    }
                }
            }
            openBuys.add(buys);
            openSells.add(sells);
        }
        return new Holdings(id, settled, openBuys, openSells, portfolio.cash().longValueExact(),
            valuation.effectiveCash().longValueExact(), valuation.total().longValueExact(), open);
    }

    /** Moves the clock; calendars whose review it reached fall due. */
    private void advanceClock(final long time) {
        clock = Math.max(clock, time);
        for (final ReferencePortfolio portfolio : portfolios) {
            if (portfolio.trigger().reviewFallsDue(clock)) {
                touched.add(portfolio.id());
            }
        }
    }

    /**
     * After every input, once it is booked: orders past their age are cancelled and requests past their timeout
     * given up; when a request was given up or a back-off wait ended, every portfolio is judged.
     */
    private void expireDeadlines() {
        final boolean gaveUp = orders.clockMoved(clock);
        if (backoff.anyWaitEnded(clock) | gaveUp) {
            for (final ReferencePortfolio portfolio : portfolios) {
                touched.add(portfolio.id());
            }
        }
    }

    private void onTick(final Input.Tick tick) {
        final InputReject problem = problemWith(tick);
        if (problem != null) {
            reject(problem, tick.instrument());
            return;
        }
        advanceClock(tick.time());
        quotes.put(tick.instrument(), new Quote(tick.bid(), tick.ask(), tick.last(), tick.time()));
        for (final ReferencePortfolio portfolio : portfolios) {
            if (portfolio.holds(tick.instrument())) {
                touched.add(portfolio.id());
            }
        }
    }

    private InputReject problemWith(final Input.Tick tick) {
        if (tick.instrument() < 0 || tick.instrument() >= config.universe().size()) {
            return InputReject.UNKNOWN_INSTRUMENT;
        }
        final long bid = tick.bid();
        final long ask = tick.ask();
        final long last = tick.last();
        if (bid == Fixed.INVALID || ask == Fixed.INVALID || last == Fixed.INVALID) {
            return InputReject.NOT_A_NUMBER;
        }
        final boolean twoSided = bid > 0 && ask > 0;
        if (bid < 0 || ask < 0 || last < 0 || (!twoSided && last == 0)) {
            return InputReject.NON_POSITIVE_PRICE;
        }
        if (twoSided && bid > ask) {
            return InputReject.CROSSED_QUOTE;
        }
        final Instrument instrument = config.universe().get(tick.instrument());
        if (Math.max(bid, Math.max(ask, last)) > instrument.maxPrice()) {
            return InputReject.ABSURD_PRICE;
        }
        final Quote previous = quotes.get(tick.instrument());
        if (previous != null && tick.time() < previous.time()) {
            return InputReject.TIME_REGRESSION;
        }
        return null;
    }

    /**
     * An execution report. Refused, changing nothing, for an order no id of which is known, an execution id
     * already booked, then by {@link #problemWith}; otherwise booked, after the clock moves.
     */
    private void onExecution(final Input.Execution report) {
        final WorkingOrder order = orders.find(report.clientOrderId());
        if (order == null) {
            reject(InputReject.UNKNOWN_ORDER, report.clientOrderId());
            return;
        }
        if (report.executionId() != 0 && bookedExecutionIds.contains(report.executionId())) {
            reject(InputReject.DUPLICATE_EXECUTION, report.clientOrderId());
            return;
        }
        final InputReject problem = problemWith(order, report);
        if (problem != null) {
            reject(problem, report.clientOrderId());
            return;
        }
        if (report.executionId() != 0) {
            bookedExecutionIds.add(report.executionId());
        }
        advanceClock(report.time());
        switch (report.execType()) {
            case ExecType.TRADE -> {
                if (order.finished()) {
                    onLateFill(order, report.quantity(), report.price());
                } else {
                    onFill(order, report.quantity(), report.price());
                }
            }
            case ExecType.REJECTED -> {
                backoff.rejected(order.portfolio(), clock);
                close(order, ExecType.REJECTED);
            }
            case ExecType.CANCELED, ExecType.EXPIRED -> close(order, report.execType());
            case ExecType.REPLACED -> {
                if (isAbandoned(order, report.clientOrderId())) {
                    count("replace accepted after it was given up");
                    order.replacedLate();
                    orders.startAge(order, clock);
                    afterReplaced(order, false);
                } else {
                    onReplaced(order);
                }
            }
            case ExecType.NEW -> order.acknowledge();
            case ExecType.CANCEL_REJECTED -> {
                if (order.finished()) {
                    break;
                }
                if (isAbandoned(order, report.clientOrderId())) {
                    count("given-up replace refused late");
                    orders.refusedLate(order);
                } else {
                    count("request refused " + order.request());
                    orders.refused(order, clock);
                    touched.add(order.portfolio());
                }
            }
            default -> {
            }
        }
    }

    /**
     * Why a report for a known order cannot be booked, or null: a fill needs a positive quantity and price and a
     * notional that fits; an acknowledgement, cancel, reject or expiry needs the order still working; a replace
     * needs it working with a replace out under the report's id; a refused cancel or replace names the request out
     * under the report's id, unless the order has finished since (the usual too-late race). Other types are
     * invalid.
     */
    private static InputReject problemWith(final WorkingOrder order, final Input.Execution report) {
        switch (report.execType()) {
            case ExecType.TRADE -> {
                final BigInteger notional = BigInteger.valueOf(report.quantity())
                    .multiply(BigInteger.valueOf(report.price()));
                return report.quantity() <= 0 || report.price() <= 0
                    || notional.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) >= 0 ? InputReject.INVALID_EXECUTION
                    : null;
            }
            case ExecType.NEW, ExecType.CANCELED, ExecType.REJECTED, ExecType.EXPIRED -> {
                return order.finished() ? InputReject.ORDER_FINISHED : null;
            }
            case ExecType.REPLACED -> {
                if (order.finished()) {
                    return InputReject.ORDER_FINISHED;
                }
                return order.request() == WorkingOrder.Request.REPLACE && order.requestId() == report.clientOrderId()
                    || isAbandoned(order, report.clientOrderId()) ? null : InputReject.UNEXPECTED_REPLY;
            }
            case ExecType.CANCEL_REJECTED -> {
                return order.finished() || order.request() != WorkingOrder.Request.NONE
                    && order.requestId() == report.clientOrderId() || isAbandoned(order, report.clientOrderId())
                    ? null : InputReject.UNEXPECTED_REPLY;
            }
            default -> {
                return InputReject.INVALID_EXECUTION;
            }
        }
    }

    private static boolean isAbandoned(final WorkingOrder order, final long id) {
        return id != 0 && order.abandonedId() == id;
    }

    /**
     * Books a fill as the venue reports it, all of it, even beyond what the order had left (an overfill, which is
     * also flagged); the order's leaves fall by at most what it had left, and at zero the order is done. A fill
     * ends a run of rejects.
     */
    private void onFill(final WorkingOrder order, final long quantity, final long price) {
        if (quantity > order.leaves()) {
            reject(InputReject.OVERFILL, order.clientOrderId());
        }
        final long leaves = order.leaves() - Math.min(quantity, order.leaves());
        portfolios.get(order.portfolio()).traded(order.instrument(), order.side(), quantity, price);
        order.filled(quantity, price, leaves);
        backoff.filled(order.portfolio());
        log.add(new Output.Filled(clock, order.clientOrderId(), order.portfolio(), order.instrument(), order.side(),
            quantity, price, leaves));
        if (leaves == 0) {
            orders.finish(order, 0, OrderState.FILLED);
            log.add(new Output.Closed(clock, order.clientOrderId(), order.portfolio(), ExecType.TRADE, 0));
        }
        touched.add(order.portfolio());
    }

    /**
     * A fill for a finished order (it crossed the cancel or expiry on the wire): booked in full; beyond what the
     * order released at its close (less earlier late fills) it is also flagged as an overfill.
     */
    private void onLateFill(final WorkingOrder order, final long quantity, final long price) {
        final long expected = Math.min(quantity, order.released());
        order.lateFill(quantity, price, expected);
        if (quantity > expected) {
            reject(InputReject.OVERFILL, order.clientOrderId());
        }
        count("late fill");
        portfolios.get(order.portfolio()).traded(order.instrument(), order.side(), quantity, price);
        backoff.filled(order.portfolio());
        log.add(new Output.Filled(clock, order.clientOrderId(), order.portfolio(), order.instrument(), order.side(),
            quantity, price, 0));
        touched.add(order.portfolio());
    }

    /** Cancelled, rejected or expired: what was left is released. */
    private void close(final WorkingOrder order, final int execType) {
        final long released = order.leaves();
        if (order.request() != WorkingOrder.Request.NONE) {
            count("closed with " + order.request() + " out");
        }
        orders.finish(order, released, execType == ExecType.CANCELED ? OrderState.CANCELED
            : execType == ExecType.REJECTED ? OrderState.REJECTED : OrderState.EXPIRED);
        log.add(new Output.Closed(clock, order.clientOrderId(), order.portfolio(), execType, released));
        touched.add(order.portfolio());
    }

    /**
     * The venue accepted the replace: the order works on the new total (less what filled) at the new limit, known by
     * the request's id, its age counted from now. Nothing left on the new terms: it is done, as filled.
     */
    private void onReplaced(final WorkingOrder order) {
        order.replaced();
        orders.startAge(order, clock);
        count("replaced");
        afterReplaced(order, true);
    }

    /** Nothing left on the new terms: done, as filled (a cancel waiting for the replace is not sent). */
    private void afterReplaced(final WorkingOrder order, final boolean answersTheRequestOut) {
        if (order.leaves() == 0) {
            count("replaced: nothing left");
            orders.finish(order, 0, OrderState.FILLED);
            log.add(new Output.Closed(clock, order.clientOrderId(), order.portfolio(), ExecType.TRADE, 0));
        } else if (answersTheRequestOut) {
            orders.answered(order, clock);
        }
        touched.add(order.portfolio());
    }


    private void onCommand(final Input.OperatorCommand command) {
        final boolean valid = switch (command.code()) {
            case Command.SET_TRADING_STATE -> command.argument() >= 0 && command.argument() < TRADING_STATES.length;
            case Command.REBALANCE_NOW -> command.target() >= -1 && command.target() < portfolios.size();
            case Command.REPORT_STATUS -> true;
            case Command.CANCEL_ORDERS -> command.target() >= -1 && command.target() < portfolios.size()
                && command.argument() >= 0 && command.argument() < CANCEL_REASONS.length;
            default -> false;
        };
        if (!valid) {
            reject(InputReject.INVALID_COMMAND, command.code());
            return;
        }
        advanceClock(command.time());
        switch (command.code()) {
            case Command.SET_TRADING_STATE -> {
                final TradingState next = TRADING_STATES[(int)command.argument()];
                final boolean resumed = next != risk.state() && next != TradingState.HALTED;
                risk.state(next);
                if (resumed) {
                    for (final ReferencePortfolio portfolio : portfolios) {
                        portfolio.trigger().rearm();
                        touched.add(portfolio.id());
                    }
                }
            }
            case Command.REBALANCE_NOW -> {
                for (final ReferencePortfolio portfolio : portfolios) {
                    if (command.target() == -1 || command.target() == portfolio.id()) {
                        portfolio.trigger().requestManual();
                        touched.add(portfolio.id());
                    }
                }
            }
            case Command.REPORT_STATUS -> {
                for (final ReferencePortfolio portfolio : portfolios) {
                    reportStatus(portfolio);
                }
            }
            case Command.CANCEL_ORDERS -> orders.cancelAll(command.target(), CANCEL_REASONS[(int)command.argument()],
                clock);
            default -> {
            }
        }
    }

    private void reportStatus(final ReferencePortfolio portfolio) {
        final Valuation valuation = Valuation.of(portfolio, quotes, orders.working());
        final DriftStatus status = valuation.status(clock, config.settings().maxPriceAgeNanos());
        final boolean ok = status == DriftStatus.OK;
        final int open = (int)orders.working().stream().filter(order -> order.portfolio() == portfolio.id()).count();
        log.add(new Output.Status(clock, portfolio.id(), status, valuation.total().longValueExact(),
            portfolio.cash().longValueExact(), ok ? valuation.driftRatio().toDouble() : 0,
            ok ? valuation.portfolioDrift().toDouble() : 0, open));
    }

    private void decide(final ReferencePortfolio portfolio) {
        final Valuation valuation = Valuation.of(portfolio, quotes, orders.working());
        if (valuation.status(clock, config.settings().maxPriceAgeNanos()) != DriftStatus.OK) {
            return;
        }
        if (orders.requestsOut(portfolio.id()) > 0 || backoff.isWaiting(portfolio.id(), clock)) {
            count(orders.requestsOut(portfolio.id()) > 0 ? "not planned: request out" : "not planned: back-off");
            return;
        }
        final Ratio ratio = valuation.driftRatio();
        final TriggerReason reason = portfolio.trigger().decide(ratio);
        if (reason == TriggerReason.NONE) {
            return;
        }
        log.add(new Output.Triggered(clock, portfolio.id(), reason, ratio.toDouble(),
            valuation.portfolioDrift().toDouble()));
        final int[] sentAndRejected = new int[2];
        if (config.orders().workingOrders() == OrderPolicy.WorkingOrderPolicy.REPLACE) {
            reconcile(portfolio, Side.SELL, sentAndRejected);
            reconcile(portfolio, Side.BUY, sentAndRejected);
        } else {
            for (final ReferenceTradePlanner.Planned sell : planner.sells(valuation)) {
                send(portfolio, sell, sentAndRejected);
            }
            final Valuation afterSells = Valuation.of(portfolio, quotes, orders.working());
            for (final ReferenceTradePlanner.Planned buy : planner.buys(afterSells)) {
                send(portfolio, buy, sentAndRejected);
            }
        }
        log.add(new Output.Planned(clock, portfolio.id(), sentAndRejected[0], sentAndRejected[1]));
        final Valuation afterOrders = Valuation.of(portfolio, quotes, orders.working());
        if (afterOrders.status(clock, config.settings().maxPriceAgeNanos()) == DriftStatus.OK) {
            portfolio.trigger().afterRebalance(afterOrders.driftRatio());
        }
    }

    /**
     * One side of a rebalance with working orders replaced: the side is planned as if the portfolio's working orders
     * on it had never been sent; then each planned order, in plan order, takes the oldest of those on its
     * instrument not yet taken. A buy goes ahead only while the spare cash (effective cash less the buffer, less
     * what the sells being cancelled were to raise) covers what it adds to the cash its working order already
     * holds; an order on the same terms as its working order is left as it is; any other passes risk (the order
     * capacity only stops new orders) and then re-sizes and re-prices the working order (or cancels it, when it
     * cannot be replaced), or goes out as a new order. The side's working orders no planned order took are
     * cancelled.
     */
    private void reconcile(final ReferencePortfolio portfolio, final byte side, final int[] sentAndRejected) {
        final List<WorkingOrder> withdrawn = new ArrayList<>();
        final List<WorkingOrder> others = new ArrayList<>();
        for (final WorkingOrder order : orders.working()) {
            (order.portfolio() == portfolio.id() && order.side() == side ? withdrawn : others).add(order);
        }
        final BigInteger heldBack = side == Side.BUY ? proceedsAtRisk(portfolio) : BigInteger.ZERO;
        final Valuation without = Valuation.of(portfolio, quotes, others, heldBack);
        final List<ReferenceTradePlanner.Planned> plan = side == Side.SELL ? planner.sells(without)
            : planner.buys(without);
        BigInteger spare = null;
        if (side == Side.BUY) {
            final Valuation all = Valuation.of(portfolio, quotes, orders.working(), heldBack);
            spare = all.effectiveCash().subtract(all.buffer());
        }
        final List<WorkingOrder> untaken = new ArrayList<>(withdrawn);
        for (final ReferenceTradePlanner.Planned order : plan) {
            final WorkingOrder working = untaken.stream().filter(w -> w.instrument() == order.instrument())
                .findFirst().orElse(null);
            untaken.remove(working);
            final BigInteger held = working == null ? BigInteger.ZERO
                : BigInteger.valueOf(working.leaves()).multiply(BigInteger.valueOf(working.limitPrice()));
            final BigInteger cost = BigInteger.valueOf(order.quantity())
                .multiply(BigInteger.valueOf(order.limitPrice())).subtract(held);
            if (spare != null && cost.signum() > 0 && cost.compareTo(spare) > 0) {
                count(working == null ? "buy not affordable" : "buy not affordable: working order kept");
                continue;
            }
            if (working != null && working.leaves() == order.quantity()
                && working.limitPrice() == order.limitPrice()) {
                count("working order kept: same terms");
                continue;
            }
            if (working == null) {
                if (send(portfolio, order, sentAndRejected) && spare != null) {
                    spare = spare.subtract(cost.max(BigInteger.ZERO));
                }
                continue;
            }
            final RiskVerdict verdict = risk.check(clock, order.instrument(), order.side(), order.quantity(),
                order.limitPrice(), order.referencePrice());
            if (verdict != RiskVerdict.ACCEPTED) {
                riskRejected(portfolio, order, verdict, sentAndRejected);
                continue;
            }
            spare = spare == null ? null : spare.subtract(cost.max(BigInteger.ZERO));
            if (!orders.replace(working, order.quantity(), order.limitPrice(), clock)) {
                count("replace impossible: cancelled instead");
                orders.cancel(working, CancelReason.PLAN_CHANGED, clock);
            }
        }
        for (final WorkingOrder order : untaken) {
            orders.cancel(order, CancelReason.PLAN_CHANGED, clock);
        }
    }

    /**
     * What the portfolio's sells with a request out may not raise after all, held back while buys are planned: all
     * of a sell being cancelled, and what a sell being replaced raises less on its new terms.
     */
    private BigInteger proceedsAtRisk(final ReferencePortfolio portfolio) {
        BigInteger atRisk = BigInteger.ZERO;
        for (final WorkingOrder order : orders.of(portfolio.id())) {
            if (order.side() != Side.SELL || order.request() == WorkingOrder.Request.NONE) {
                continue;
            }
            final BigInteger booked = BigInteger.valueOf(order.leaves()).multiply(
                BigInteger.valueOf(order.limitPrice()));
            BigInteger after = BigInteger.ZERO;
            if (order.request() == WorkingOrder.Request.REPLACE) {
                after = BigInteger.valueOf(Math.max(0, order.requestQuantity() - order.cumulative()))
                    .multiply(BigInteger.valueOf(order.requestLimit()));
            }
            atRisk = atRisk.add(booked.subtract(after).max(BigInteger.ZERO));
        }
        return atRisk;
    }


    private void riskRejected(final ReferencePortfolio portfolio, final ReferenceTradePlanner.Planned order,
        final RiskVerdict verdict, final int[] sentAndRejected) {
        sentAndRejected[1]++;
        log.add(new Output.RiskRejected(clock, portfolio.id(), order.instrument(), order.side(), order.quantity(),
            order.limitPrice(), verdict));
    }

    /** A new order: through the order capacity and risk, then booked and sent. True when sent. */
    private boolean send(final ReferencePortfolio portfolio, final ReferenceTradePlanner.Planned order,
        final int[] sentAndRejected) {
        final RiskVerdict verdict = orders.size() >= config.settings().orderCapacity() ? RiskVerdict.ORDER_CAPACITY
            : risk.check(clock, order.instrument(), order.side(), order.quantity(), order.limitPrice(),
                order.referencePrice());
        if (verdict != RiskVerdict.ACCEPTED) {
            riskRejected(portfolio, order, verdict, sentAndRejected);
            return false;
        }
        sentAndRejected[0]++;
        final WorkingOrder sent = orders.open(portfolio.id(), order.instrument(), order.side(), order.quantity(),
            order.limitPrice(), clock);
        log.add(new Output.OrderSent(clock, sent.clientOrderId(), portfolio.id(), order.instrument(), order.side(),
            order.quantity(), order.limitPrice()));
        return true;
    }

    private void reject(final InputReject reason, final long subject) {
        log.add(new Output.InputRejected(clock, reason, subject));
    }

    private void count(final String path) {
        paths.merge(path, 1, Integer::sum);
    }
}

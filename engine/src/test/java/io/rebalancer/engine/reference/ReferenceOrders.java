package io.rebalancer.engine.reference;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.OrderState;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.OrderPolicy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference's orders and the requests about them, as the order lifecycle's rules read:
 * <ul>
 *     <li>every order and every cancel or replace request takes the next id of one sequence; an order is known by
 *     its own id and those of up to three requests; a replace is only sent while two ids are left (its own and
 *     room for a cancel after it), a cancel while one is; a cancel with no id left is given up;</li>
 *     <li>at most one request per order is out: a cancel wanted while a cancel is out is dropped, while a replace
 *     is out it is sent once the venue answers the replace (if the order still works);</li>
 *     <li>a finished order stays known by all its ids until the table needs its row: the table has two rows per
 *     order of capacity, never-used rows first, then the rows of the orders that finished longest ago;</li>
 *     <li>each time the clock is moved, first every order with no request out that has worked for the maximum
 *     age or longer (since it was sent or last replaced) gets a cancel, then every request out for the request
 *     timeout or longer is given up (the order works on as last known, a cancel is sent once more), portfolio by
 *     portfolio, each portfolio's orders oldest first.</li>
 * </ul>
 */
final class ReferenceOrders {
    private final List<Output> log;
    private final Map<String, Integer> paths;
    private final int portfolios;
    private final long maxAge;
    private final long timeout;
    /** Working orders by their own id: ascending ids are oldest first. */
    private final TreeMap<Long, WorkingOrder> working = new TreeMap<>();
    /** Every id of every order working or still remembered. */
    private final Map<Long, WorkingOrder> known = new HashMap<>();
    private final ArrayDeque<WorkingOrder> finishedQueue = new ArrayDeque<>();
    /** Every order ever sent, by its own id. */
    private final Map<Long, WorkingOrder> ever = new HashMap<>();
    private int freshRows;
    private long nextId;

    ReferenceOrders(final EngineConfig config, final List<Output> log, final Map<String, Integer> paths) {
        this.log = log;
        this.paths = paths;
        portfolios = config.portfolios().size();
        final OrderPolicy policy = config.orders();
        maxAge = policy.maxOrderAgeNanos();
        timeout = policy.requestTimeoutNanos();
        freshRows = 2 * config.settings().orderCapacity();
        nextId = config.settings().firstClientOrderId();
    }

    Collection<WorkingOrder> working() {
        return working.values();
    }

    int size() {
        return working.size();
    }

    /** The order, working or remembered, known by this id; null if none. */
    WorkingOrder find(final long id) {
        return known.get(id);
    }

    /** A portfolio's working orders, oldest first. */
    List<WorkingOrder> of(final int portfolio) {
        final List<WorkingOrder> orders = new ArrayList<>();
        for (final WorkingOrder order : working.values()) {
            if (order.portfolio() == portfolio) {
                orders.add(order);
            }
        }
        return orders;
    }

    /** Working orders of the portfolio with a request out. */
    int requestsOut(final int portfolio) {
        int out = 0;
        for (final WorkingOrder order : of(portfolio)) {
            if (order.request() != WorkingOrder.Request.NONE) {
                out++;
            }
        }
        return out;
    }

    WorkingOrder open(final int portfolio, final int instrument, final byte side, final long quantity,
        final long limit, final long now) {
        if (freshRows > 0) {
            freshRows--;
        } else {
            final WorkingOrder forgotten = finishedQueue.poll();
            for (final long id : forgotten.ids()) {
                known.remove(id);
            }
        }
        final WorkingOrder order = new WorkingOrder(nextId++, portfolio, instrument, side, quantity, limit);
        startAge(order, now);
        working.put(order.clientOrderId(), order);
        ever.put(order.clientOrderId(), order);
        known.put(order.clientOrderId(), order);
        return order;
    }

    /** The order with this own id, whenever it was sent; null if none. */
    WorkingOrder ever(final long clientOrderId) {
        return ever.get(clientOrderId);
    }

    void finish(final WorkingOrder order, final long released, final OrderState state) {
        order.finish(released, state);
        working.remove(order.clientOrderId());
        finishedQueue.add(order);
    }

    void cancelAll(final int target, final CancelReason reason, final long now) {
        for (int p = 0; p < portfolios; p++) {
            if (target == -1 || target == p) {
                for (final WorkingOrder order : of(p)) {
                    cancel(order, reason, now);
                }
            }
        }
    }

    /** Asks to cancel a working order, under the rules above. */
    void cancel(final WorkingOrder order, final CancelReason reason, final long now) {
        if (order.finished() || order.request() == WorkingOrder.Request.CANCEL) {
            return;
        }
        if (order.request() == WorkingOrder.Request.REPLACE) {
            order.cancelAfterRequest(reason);
            count("cancel waits for a replace");
            return;
        }
        makeRoom(order, 1);
        if (order.ids().size() >= 4) {
            if (order.cancelGivenUp()) {
                count("cancel given up: no ids left");
            }
            return;
        }
        final long id = nextId++;
        order.sent(WorkingOrder.Request.CANCEL, id, 0, 0, now, reason);
        known.put(id, order);
        log.add(new Output.CancelSent(now, id, order.currentId(), order.portfolio(), order.quantity(), reason));
        count("cancel " + reason);
    }

    /**
     * Asks to change a working order with no request out to {@code leaves} more units at {@code limit}; false
     * when it cannot (a request out, or fewer than two ids left).
     */
    boolean replace(final WorkingOrder order, final long leaves, final long limit, final long now) {
        if (order.finished() || order.request() != WorkingOrder.Request.NONE) {
            return false;
        }
        makeRoom(order, 2);
        if (order.ids().size() >= 3) {
            return false;
        }
        final long id = nextId++;
        final long total = order.cumulative() + leaves;
        order.sent(WorkingOrder.Request.REPLACE, id, total, limit, now, null);
        known.put(id, order);
        log.add(new Output.ReplaceSent(now, id, order.currentId(), order.portfolio(), total, limit));
        count("replace sent");
        return true;
    }

    /**
     * Frees id slots until {@code needed} are free: the oldest ids of cancels the venue never answered go first
     * (never the request out), then an abandoned replace's; ids a fill may name are kept.
     */
    private void makeRoom(final WorkingOrder order, final int needed) {
        while (4 - order.ids().size() < needed) {
            final long stale = order.staleIds().stream().filter(id -> id != order.requestId()).findFirst()
                .orElse(0L);
            if (stale != 0) {
                order.forgetId(stale);
                known.remove(stale);
                count("id of an unanswered cancel forgotten");
            } else if (order.abandonedId() != 0) {
                known.remove(order.abandonedId());
                order.forgetId(order.abandonedId());
                order.clearAbandoned();
                count("id of an abandoned replace forgotten");
            } else {
                return;
            }
        }
    }

    /** The order (re)starts working: it is cancelled for age if still working at {@code now} plus the maximum. */
    void startAge(final WorkingOrder order, final long now) {
        if (maxAge > 0) {
            order.ageDeadline(now + maxAge);
        }
    }

    /**
     * The venue refused the order's request: its id is forgotten (the answer is final); a refused cancel for an
     * order past its age is tried again after the request timeout.
     */
    void refused(final WorkingOrder order, final long now) {
        final long id = order.requestId();
        final boolean wasCancel = order.request() == WorkingOrder.Request.CANCEL;
        order.forgetId(id);
        known.remove(id);
        if (wasCancel && order.ageDeadline() <= now) {
            order.ageDeadline(now + timeout);
        }
        answered(order, now);
    }

    /** A refusal of a replace given up earlier: final, its id forgotten. */
    void refusedLate(final WorkingOrder order) {
        known.remove(order.abandonedId());
        order.forgetId(order.abandonedId());
        order.clearAbandoned();
    }

    /** The venue answered the order's request (the order still works): a cancel waiting for it goes out. */
    void answered(final WorkingOrder order, final long now) {
        final CancelReason waiting = order.cancelAfterRequest();
        order.clearRequest();
        if (waiting != null) {
            cancel(order, waiting, now);
        }
    }

    /** Runs on every move of the clock: age cancels, then timeouts. True when a request was given up. */
    boolean clockMoved(final long now) {
        if (!anyDue(now)) {
            return false;
        }
        if (maxAge > 0) {
            for (int p = 0; p < portfolios; p++) {
                for (final WorkingOrder order : of(p)) {
                    if (order.request() == WorkingOrder.Request.NONE && now >= order.ageDeadline()) {
                        cancel(order, CancelReason.MAX_AGE, now);
                    }
                }
            }
        }
        boolean gaveUp = false;
        for (int p = 0; p < portfolios; p++) {
            for (final WorkingOrder order : of(p)) {
                final WorkingOrder.Request kind = order.request();
                if (kind == WorkingOrder.Request.NONE || now - order.requestSince() < timeout) {
                    continue;
                }
                gaveUp = true;
                count("request timeout " + kind);
                if (kind == WorkingOrder.Request.REPLACE) {
                    order.abandonReplace();
                } else {
                    order.staleIds().add(order.requestId());
                }
                answered(order, now);
                if (kind == WorkingOrder.Request.CANCEL) {
                    cancel(order, order.cancelReason(), now);
                }
            }
        }
        return gaveUp;
    }

    /** Whether any order is past its age with no request out, or has a request out past the timeout. */
    private boolean anyDue(final long now) {
        for (final WorkingOrder order : working.values()) {
            final boolean idle = order.request() == WorkingOrder.Request.NONE;
            if (idle ? now >= order.ageDeadline() : now - order.requestSince() >= timeout) {
                return true;
            }
        }
        return false;
    }

    private void count(final String path) {
        paths.merge(path, 1, Integer::sum);
    }
}

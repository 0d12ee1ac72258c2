package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.OrderPolicy.ShutdownOrders;
import io.rebalancer.engine.domain.OrderPolicy.WorkingOrderPolicy;

import java.util.List;

import static io.rebalancer.engine.core.Fixtures.SECOND;
import static io.rebalancer.engine.core.Fixtures.portfolio;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The order lifecycle tests' scenario: 600 SPY and 400 TLT at 100.00 on a 60/40 target with 5-point bands; SPY at
 * 125 breaches and the engine sends order 1 (sell 48 SPY at 124.88) and order 2 (buy 59 TLT at 100.10), under the
 * order policy the test chooses.
 */
final class LifecycleScenario {
    static final int SPY = 0;
    static final int TLT = 1;
    static final long SELL = 1;
    static final long BUY = 2;
    static final long REQUEST_TIMEOUT = 30 * SECOND;

    final Recorder out = new Recorder();
    Engine engine;

    Driver start(final OrderPolicy policy) {
        engine = new Engine(config(policy), out, out);
        return new Driver(engine).quote(SPY, 100).quote(TLT, 100);
    }

    /** The scenario's configuration under an order policy. */
    static EngineConfig config(final OrderPolicy policy) {
        final EngineConfig base = Fixtures.config(4, portfolio("balanced").asset(SPY, 600, 60, 5)
            .asset(TLT, 400, 40, 5));
        return new EngineConfig(base.settings(), base.universe(), base.risk(), base.portfolios(), policy);
    }

    /** Started and breached: orders 1 and 2 sent. */
    Driver breached(final OrderPolicy policy) {
        final Driver driver = start(policy).quote(SPY, 125);
        assertEquals(List.of(SELL, BUY), out.orders.stream().map(Recorder.Order::clientOrderId).toList());
        return driver;
    }

    /** Cancels on shutdown, back-off capped at 8 times its base, the request timeout above. */
    static OrderPolicy policy(final long maxAgeNanos, final WorkingOrderPolicy working, final long backoffNanos) {
        return new OrderPolicy(maxAgeNanos, working, ShutdownOrders.CANCEL, backoffNanos, 8 * backoffNanos,
            REQUEST_TIMEOUT);
    }

    /** Every state reported for the order, in order. */
    List<OrderState> statesOf(final long clientOrderId) {
        return out.states.stream().filter(s -> s.clientOrderId() == clientOrderId).map(Recorder.State::state)
            .toList();
    }
}

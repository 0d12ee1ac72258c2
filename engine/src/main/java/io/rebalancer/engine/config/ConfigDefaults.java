package io.rebalancer.engine.config;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.domain.WaitStrategyKind;

import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * The value of every optional key, in one place, in the engine's units (micros, ppm, nanoseconds), so that
 * {@code config/README.md}, the loader and the tests cannot disagree. Public so that tests and tools in other
 * modules can build settings that match an empty configuration.
 */
public final class ConfigDefaults {
    /** {@code [engine] ring-size}: slots in the inbound ring. */
    public static final int DEFAULT_RING_SIZE = 65_536;
    /** {@code [engine] wait-strategy}: gentle on a shared machine; busy-spin needs a pinned core. */
    public static final WaitStrategyKind DEFAULT_WAIT_STRATEGY = WaitStrategyKind.SLEEPING;
    /** {@code [engine] max-price-age}: one minute, in nanoseconds of event time. */
    public static final long DEFAULT_MAX_PRICE_AGE_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** {@code [engine] order-capacity}: child orders working at once. */
    public static final int DEFAULT_ORDER_CAPACITY = 4096;
    /** {@code [engine] first-client-order-id}. */
    public static final long DEFAULT_FIRST_CLIENT_ORDER_ID = 1;
    /** {@code [engine] limit-collar}: 10 basis points through the touch. */
    public static final int DEFAULT_LIMIT_COLLAR_PPM = 10 * Ppm.BASIS_POINT;
    /** {@code [engine] zone}: the zone whose midnight starts a trading day. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    /** {@code [orders] max-order-age}: fifteen minutes; a marketable order that has not filled by then is stale. */
    public static final long DEFAULT_MAX_ORDER_AGE_NANOS = TimeUnit.MINUTES.toNanos(15);
    /** {@code [orders] working-orders}: re-size and re-price working orders when a new plan differs. */
    public static final OrderPolicy.WorkingOrderPolicy DEFAULT_WORKING_ORDERS = OrderPolicy.WorkingOrderPolicy.REPLACE;
    /** {@code [orders] on-shutdown}: cancel what works; a rebalancer that is not watching should not trade. */
    public static final OrderPolicy.ShutdownOrders DEFAULT_ON_SHUTDOWN = OrderPolicy.ShutdownOrders.CANCEL;
    /** {@code [orders] reject-backoff}: one second, doubling per venue reject in a row. */
    public static final long DEFAULT_REJECT_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** {@code [orders] max-reject-backoff}: five minutes. */
    public static final long DEFAULT_MAX_REJECT_BACKOFF_NANOS = TimeUnit.MINUTES.toNanos(5);

    /**
     * {@code [orders] request-timeout}: two minutes for the venue to answer a cancel or replace; a dead-man bound
     * for a request lost on the wire, far above any venue's answer time.
     */
    public static final long DEFAULT_REQUEST_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(2);

    /** {@code [risk] max-order-quantity}, in units. */
    public static final long DEFAULT_MAX_ORDER_QUANTITY = 1_000_000;
    /** {@code [risk] max-order-notional}: 1,000,000.00 in micros. */
    public static final long DEFAULT_MAX_ORDER_NOTIONAL = 1_000_000 * Fixed.SCALE;
    /** {@code [risk] price-collar}: 100 basis points from mid. */
    public static final int DEFAULT_PRICE_COLLAR_PPM = 100 * Ppm.BASIS_POINT;
    /** {@code [risk] max-orders-per-second}. */
    public static final int DEFAULT_MAX_ORDERS_PER_SECOND = 50;
    /** {@code [risk] max-notional-per-day}: 50,000,000.00 in micros. */
    public static final long DEFAULT_MAX_NOTIONAL_PER_DAY = 50_000_000 * Fixed.SCALE;
    /** {@code [risk] trading-state}. */
    public static final TradingState DEFAULT_TRADING_STATE = TradingState.ACTIVE;

    /** {@code [portfolio] cash}, in micros. */
    public static final long DEFAULT_CASH = 0;
    /** {@code [portfolio] cash-buffer}, in ppm of the portfolio value. */
    public static final int DEFAULT_CASH_BUFFER_PPM = 0;
    /** {@code [portfolio] min-trade-notional}, in micros: every order is worth sending. */
    public static final long DEFAULT_MIN_TRADE_NOTIONAL = 0;
    /** {@code [portfolio] planner}. */
    public static final PlannerMode DEFAULT_PLANNER = PlannerMode.TO_TARGET;

    /** {@code [bands] absolute} and {@code absolute.SYMBOL}: 0 = no absolute band. */
    public static final int DEFAULT_ABSOLUTE_BAND_PPM = 0;
    /** {@code [bands] relative} and {@code relative.SYMBOL}: 0 = no relative band. */
    public static final int DEFAULT_RELATIVE_BAND_PPM = 0;
    /** {@code [bands] portfolio}: 0 = no limit on total drift. */
    public static final int DEFAULT_PORTFOLIO_BAND_PPM = 0;
    /** {@code [bands] hysteresis}: 20% of the band. */
    public static final int DEFAULT_HYSTERESIS_PPM = 20 * Ppm.PERCENT;

    /** {@code [trigger] kind}. */
    public static final TriggerKind DEFAULT_TRIGGER = TriggerKind.THRESHOLD;
    /** {@code [trigger] month}: January, or a quarterly cycle of Jan/Apr/Jul/Oct. */
    public static final int DEFAULT_CALENDAR_MONTH = 1;
    /** {@code [trigger] time}: 16:00, in seconds after local midnight. */
    public static final int DEFAULT_CALENDAR_SECOND_OF_DAY = 16 * 3600;
    /** {@code [trigger] zone}. */
    public static final ZoneId DEFAULT_CALENDAR_ZONE = ZoneId.of("UTC");

    private ConfigDefaults() {
    }
}

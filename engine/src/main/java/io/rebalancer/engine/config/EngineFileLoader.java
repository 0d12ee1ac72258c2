package io.rebalancer.engine.config;

import io.rebalancer.engine.domain.EngineSettings;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.domain.WaitStrategyKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads engine.conf: {@code [engine]} settings and {@code [risk]} limits. The file and every key are optional;
 * a missing key takes its {@link ConfigDefaults} value.
 */
final class EngineFileLoader {
    static final List<String> SECTIONS = List.of("engine", "orders", "risk");
    static final List<String> ORDER_KEYS = List.of(
        "max-order-age", "working-orders", "on-shutdown", "reject-backoff", "max-reject-backoff", "request-timeout");
    static final List<String> ENGINE_KEYS = List.of(
        "ring-size", "wait-strategy", "max-price-age", "order-capacity", "first-client-order-id", "limit-collar",
        "zone");
    static final List<String> RISK_KEYS = List.of(
        "max-order-quantity", "max-order-notional", "price-collar", "max-orders-per-second", "max-notional-per-day",
        "restricted", "trading-state");

    /** The largest ring the Disruptor can allocate as an int-indexed power of two. */
    private static final int MAX_RING_SIZE = 1 << 22;
    /** Most working orders: the order table and its id map are sized to this up front. */
    private static final int MAX_ORDER_CAPACITY = 1_000_000;
    /** The rate window keeps one timestamp per order allowed per second. */
    private static final int MAX_ORDERS_PER_SECOND = 100_000;

    private EngineFileLoader() {
    }

    /** Parses engine.conf, or gives an empty file (all defaults) when there is none. */
    static IniFile read(final Path file) throws ConfigException {
        return Files.exists(file) ? IniReader.read(file, SECTIONS) : new IniFile(file);
    }

    static EngineSettings settings(final IniFile ini) throws ConfigException {
        final IniSection engine = ini.section("engine");
        engine.requireKnownKeys(ENGINE_KEYS);
        final IniEntry ring = engine.get("ring-size");
        final int ringSize = ring == null ? ConfigDefaults.DEFAULT_RING_SIZE : ringSize(ring);
        final IniEntry wait = engine.get("wait-strategy");
        final WaitStrategyKind waitStrategy = wait == null
            ? ConfigDefaults.DEFAULT_WAIT_STRATEGY : Values.choice(wait, WaitStrategyKind.class);
        final IniEntry age = engine.get("max-price-age");
        final long maxPriceAge = age == null ? ConfigDefaults.DEFAULT_MAX_PRICE_AGE_NANOS : Values.durationNanos(age);
        final IniEntry capacity = engine.get("order-capacity");
        final int orderCapacity = capacity == null
            ? ConfigDefaults.DEFAULT_ORDER_CAPACITY : (int)Values.integer(capacity, 1, MAX_ORDER_CAPACITY);
        final IniEntry firstId = engine.get("first-client-order-id");
        final long firstClientOrderId = firstId == null
            ? ConfigDefaults.DEFAULT_FIRST_CLIENT_ORDER_ID : Values.integer(firstId, 1, Long.MAX_VALUE);
        final IniEntry collar = engine.get("limit-collar");
        final int limitCollar = collar == null ? ConfigDefaults.DEFAULT_LIMIT_COLLAR_PPM : limitCollar(collar);
        final IniEntry zoneEntry = engine.get("zone");
        final ZoneId zone = zoneEntry == null ? ConfigDefaults.DEFAULT_ZONE : Values.zone(zoneEntry);
        return ConfigException.guard(ini.file(), engine.line(), () -> new EngineSettings(
            ringSize, waitStrategy, maxPriceAge, orderCapacity, firstClientOrderId, limitCollar, zone));
    }

    /** Through the touch by at most 100%: a buy limit of twice the ask, a sell limit of zero. */
    private static int limitCollar(final IniEntry collar) throws ConfigException {
        final int ppm = Values.basisPoints(collar);
        if (ppm > Ppm.ONE) {
            throw collar.error(collar.value() + " basis points is more than 100%; use at most 10000");
        }
        return ppm;
    }

    static OrderPolicy orders(final IniFile ini) throws ConfigException {
        final IniSection orders = ini.section("orders");
        orders.requireKnownKeys(ORDER_KEYS);
        final IniEntry age = orders.get("max-order-age");
        final long maxAge = age == null ? ConfigDefaults.DEFAULT_MAX_ORDER_AGE_NANOS
            : "off".equals(age.value()) ? 0 : Values.durationNanos(age);
        final IniEntry working = orders.get("working-orders");
        final OrderPolicy.WorkingOrderPolicy workingOrders = working == null
            ? ConfigDefaults.DEFAULT_WORKING_ORDERS : Values.choice(working, OrderPolicy.WorkingOrderPolicy.class);
        final IniEntry shutdown = orders.get("on-shutdown");
        final OrderPolicy.ShutdownOrders onShutdown = shutdown == null
            ? ConfigDefaults.DEFAULT_ON_SHUTDOWN : Values.choice(shutdown, OrderPolicy.ShutdownOrders.class);
        final IniEntry backoff = orders.get("reject-backoff");
        final long rejectBackoff = backoff == null
            ? ConfigDefaults.DEFAULT_REJECT_BACKOFF_NANOS : Values.durationNanos(backoff);
        final IniEntry maxBackoff = orders.get("max-reject-backoff");
        final long maxRejectBackoff = maxBackoff == null
            ? Math.max(rejectBackoff, ConfigDefaults.DEFAULT_MAX_REJECT_BACKOFF_NANOS)
            : Values.durationNanos(maxBackoff);
        if (maxRejectBackoff < rejectBackoff) {
            throw maxBackoff.error("shorter than reject-backoff (" + rejectBackoff / 1_000_000
                + "ms); make it at least as long");
        }
        final IniEntry timeout = orders.get("request-timeout");
        final long requestTimeout = timeout == null
            ? ConfigDefaults.DEFAULT_REQUEST_TIMEOUT_NANOS : Values.durationNanos(timeout);
        return new OrderPolicy(maxAge, workingOrders, onShutdown, rejectBackoff, maxRejectBackoff, requestTimeout);
    }

    static RiskLimits risk(final IniFile ini, final SymbolTable symbols) throws ConfigException {
        final IniSection risk = ini.section("risk");
        risk.requireKnownKeys(RISK_KEYS);
        final IniEntry quantity = risk.get("max-order-quantity");
        final long maxOrderQuantity = quantity == null
            ? ConfigDefaults.DEFAULT_MAX_ORDER_QUANTITY : Values.integer(quantity, 1, Long.MAX_VALUE);
        final IniEntry notional = risk.get("max-order-notional");
        final long maxOrderNotional = notional == null
            ? ConfigDefaults.DEFAULT_MAX_ORDER_NOTIONAL : Values.positiveAmount(notional);
        final IniEntry collar = risk.get("price-collar");
        final int priceCollar = collar == null ? ConfigDefaults.DEFAULT_PRICE_COLLAR_PPM : positiveCollar(collar);
        checkCollars(ini, collar, priceCollar);
        final IniEntry rate = risk.get("max-orders-per-second");
        final int maxOrdersPerSecond = rate == null
            ? ConfigDefaults.DEFAULT_MAX_ORDERS_PER_SECOND : (int)Values.integer(rate, 1, MAX_ORDERS_PER_SECOND);
        final IniEntry daily = risk.get("max-notional-per-day");
        final long maxNotionalPerDay = daily == null
            ? ConfigDefaults.DEFAULT_MAX_NOTIONAL_PER_DAY : Values.positiveAmount(daily);
        final IniEntry restrictedEntry = risk.get("restricted");
        final boolean[] restricted = new boolean[symbols.universe().size()];
        if (restrictedEntry != null) {
            markRestricted(restrictedEntry, symbols, restricted);
        }
        final IniEntry state = risk.get("trading-state");
        final TradingState tradingState = state == null
            ? ConfigDefaults.DEFAULT_TRADING_STATE : Values.choice(state, TradingState.class);
        return ConfigException.guard(ini.file(), risk.line(), () -> new RiskLimits(maxOrderQuantity,
            maxOrderNotional, priceCollar, maxOrdersPerSecond, maxNotionalPerDay, restricted, tradingState));
    }

    private static int ringSize(final IniEntry entry) throws ConfigException {
        final int size = (int)Values.integer(entry, 1, MAX_RING_SIZE);
        if (Integer.bitCount(size) != 1) {
            final int lower = Integer.highestOneBit(size);
            throw entry.error(size + " is not a power of two; use " + (lower << 1) + " or " + lower);
        }
        return size;
    }

    /**
     * A marketable limit sits about half the spread plus the limit collar away from mid, and the risk gate refuses
     * any limit further from mid than the price collar: a limit collar at or beyond the price collar would have
     * every order refused, so it is a configuration error and not a quiet surprise in production.
     */
    private static void checkCollars(final IniFile ini, final IniEntry priceEntry, final int priceCollar)
        throws ConfigException {
        final IniEntry limitEntry = ini.section("engine").get("limit-collar");
        final int limitCollar = limitEntry == null ? ConfigDefaults.DEFAULT_LIMIT_COLLAR_PPM
            : Values.basisPoints(limitEntry);
        if (limitCollar >= priceCollar) {
            final IniEntry blame = priceEntry != null ? priceEntry : limitEntry;
            throw blame.error("the risk price collar (" + priceCollar / 100.0 + " bp) must be wider than the engine's "
                + "limit collar (" + limitCollar / 100.0 + " bp) plus half a spread, or every order is refused; "
                + "widen [risk] price-collar or narrow [engine] limit-collar");
        }
    }

    private static int positiveCollar(final IniEntry entry) throws ConfigException {
        final int ppm = Values.basisPoints(entry);
        if (ppm == 0) {
            throw entry.error("0 would reject every order; use a positive number of basis points, e.g. 100");
        }
        return ppm;
    }

    /** {@code restricted = SPY, GLD}: comma-separated symbols; empty means none. */
    private static void markRestricted(final IniEntry entry, final SymbolTable symbols, final boolean[] restricted)
        throws ConfigException {
        if (entry.value().isEmpty()) {
            return;
        }
        final Set<String> seen = new HashSet<>();
        for (final String item : entry.value().split(",", -1)) {
            final String symbol = item.strip();
            if (symbol.isEmpty()) {
                throw entry.error("empty symbol between commas; write symbols separated by commas, e.g. SPY, GLD");
            }
            if (!seen.add(symbol)) {
                throw entry.error(symbol + " is listed twice; list each symbol once");
            }
            restricted[symbols.idOf(entry, symbol)] = true;
        }
    }
}

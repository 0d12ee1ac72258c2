package io.rebalancer.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The naive baseline for planning, written the blog way: the portfolio as boxed {@code Map<String, Double>}s keyed by
 * symbol, doubles for money, a new map of values, a new list of new order objects and a sorted list of boxed
 * shortfalls on every call. The same rules as the engine's planner, roughly: to target, less a cash buffer; sells
 * first, sized at the bid in whole lots, never more than held (a zero target sells everything); then buys, largest
 * shortfall first, sized at the limit in whole lots, only with the cash there is (sells' proceeds included); nothing
 * below the minimum notional; limits a collar through the touch, on the tick.
 */
final class NaivePlanner {
    static final String BUY = "BUY";
    static final String SELL = "SELL";

    private final Map<String, Double> holdings;
    private final Map<String, Double> targets;
    private final Map<String, Double> bids;
    private final Map<String, Double> asks;
    private final Map<String, Double> lots;
    private final double cash;
    private final double cashBuffer;
    private final double minNotional;
    private final double collar;
    private final double tick;

    /** One child order, a new object each. */
    static final class Order {
        final String symbol;
        final String side;
        final double quantity;
        final double limitPrice;

        Order(final String symbol, final String side, final double quantity, final double limitPrice) {
            this.symbol = symbol;
            this.side = side;
            this.quantity = quantity;
            this.limitPrice = limitPrice;
        }
    }

    /** Money in currency units, fractions as fractions; the maps are the caller's, read on every call. */
    NaivePlanner(final Map<String, Double> holdings, final Map<String, Double> targets, final Map<String, Double> bids,
        final Map<String, Double> asks, final Map<String, Double> lots, final double cash, final double cashBuffer,
        final double minNotional, final double collar, final double tick) {
        this.holdings = holdings;
        this.targets = targets;
        this.bids = bids;
        this.asks = asks;
        this.lots = lots;
        this.cash = cash;
        this.cashBuffer = cashBuffer;
        this.minNotional = minNotional;
        this.collar = collar;
        this.tick = tick;
    }

    List<Order> plan() {
        double total = cash;
        final Map<String, Double> values = new HashMap<>();
        for (final Map.Entry<String, Double> holding : holdings.entrySet()) {
            final String symbol = holding.getKey();
            final double value = holding.getValue() * (bids.get(symbol) + asks.get(symbol)) / 2;
            values.put(symbol, value);
            total += value;
        }
        final double investable = total * (1 - cashBuffer);
        double spare = cash - total * cashBuffer;
        final List<Order> orders = new ArrayList<>();
        for (final Map.Entry<String, Double> value : values.entrySet()) {
            final String symbol = value.getKey();
            final double desired = investable * targets.get(symbol);
            final double excess = value.getValue() - desired;
            if (excess <= 0) {
                continue;
            }
            final double bid = bids.get(symbol);
            final double lot = lots.get(symbol);
            final double held = holdings.get(symbol);
            final double quantity = desired == 0 ? held
                : Math.min(Math.floor(excess / (bid * lot)), Math.floor(held / lot)) * lot;
            if (quantity <= 0 || quantity * bid < minNotional) {
                continue;
            }
            final double limit = Math.min(Math.ceil(bid * (1 - collar) / tick), Math.floor(bid / tick)) * tick;
            orders.add(new Order(symbol, SELL, quantity, limit));
            spare += quantity * limit;
        }
        final List<Map.Entry<String, Double>> shortfalls = new ArrayList<>();
        for (final Map.Entry<String, Double> value : values.entrySet()) {
            final double shortfall = investable * targets.get(value.getKey()) - value.getValue();
            if (shortfall > 0) {
                shortfalls.add(Map.entry(value.getKey(), shortfall));
            }
        }
        shortfalls.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        for (final Map.Entry<String, Double> shortfall : shortfalls) {
            final String symbol = shortfall.getKey();
            final double ask = asks.get(symbol);
            final double lot = lots.get(symbol);
            final double limit = Math.max(Math.floor(ask * (1 + collar) / tick), Math.ceil(ask / tick)) * tick;
            final double lotValue = limit * lot;
            final double count = Math.floor(Math.min(shortfall.getValue(), spare) / lotValue);
            if (count <= 0 || count * lotValue < minNotional) {
                continue;
            }
            orders.add(new Order(symbol, BUY, count * lot, limit));
            spare -= count * lotValue;
        }
        return orders;
    }
}

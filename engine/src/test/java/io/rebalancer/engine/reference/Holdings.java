package io.rebalancer.engine.reference;

import io.rebalancer.engine.state.Portfolio;

import java.util.ArrayList;
import java.util.List;

/**
 * A portfolio's books at one moment, per slot in slot order: settled units and the units open buys and sells still
 * have working; then settled and effective cash, total value (micros) and the number of working orders.
 */
record Holdings(int portfolio, List<Long> settled, List<Long> openBuys, List<Long> openSells, long settledCash,
                long effectiveCash, long totalValue, int openOrders) {
    /** The engine's books, read after the engine has finished an event. */
    static Holdings of(final Portfolio portfolio) {
        final List<Long> settled = new ArrayList<>();
        final List<Long> openBuys = new ArrayList<>();
        final List<Long> openSells = new ArrayList<>();
        for (int slot = 0; slot < portfolio.assets(); slot++) {
            settled.add(portfolio.settledQuantity(slot));
            openBuys.add(portfolio.openBuyQuantity(slot));
            openSells.add(portfolio.openSellQuantity(slot));
        }
        return new Holdings(portfolio.id(), settled, openBuys, openSells, portfolio.settledCash(),
            portfolio.effectiveCash(), portfolio.totalValue(), portfolio.openOrders());
    }
}

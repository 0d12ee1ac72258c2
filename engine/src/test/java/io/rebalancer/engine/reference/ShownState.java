package io.rebalancer.engine.reference;

import io.rebalancer.engine.core.OrderState;

/** An order as its last state report shows it: state, units filled, their average price (micros), leaves. */
record ShownState(OrderState state, long cumulative, long averagePrice, long leaves) {
}

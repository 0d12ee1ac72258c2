/** The rebalance planner: turns a portfolio's drift into exact, lot-sized, marketable child orders. */
package io.rebalancer.engine.plan;

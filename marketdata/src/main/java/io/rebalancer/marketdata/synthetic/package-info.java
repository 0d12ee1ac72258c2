/** A seeded synthetic market (correlated geometric Brownian motion) that feeds the engine until real feeds exist. */
package io.rebalancer.marketdata.synthetic;

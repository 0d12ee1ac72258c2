/** The single-threaded engine: books ticks and executions, judges drift per batch, plans, risk-checks, sends. */
package io.rebalancer.engine.core;

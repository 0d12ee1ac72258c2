/** The pre-trade risk gate: every child order meets the kill switch and the configured limits before it leaves. */
package io.rebalancer.engine.risk;

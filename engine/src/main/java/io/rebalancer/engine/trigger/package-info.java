/** When a portfolio rebalances: threshold arming with hysteresis and calendar review schedules. */
package io.rebalancer.engine.trigger;

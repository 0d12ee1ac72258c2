/** Allocation-free calendar dates and time-zone offsets, so the engine can read local time from event timestamps. */
package io.rebalancer.engine.time;

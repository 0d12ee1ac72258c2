/** Live state owned by the engine thread: the price board and each portfolio's positions, cash and values. */
package io.rebalancer.engine.state;

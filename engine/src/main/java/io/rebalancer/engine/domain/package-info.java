/** The vocabulary in exact integers: instruments, fixed-point money, ppm weights, portfolio and risk specs. */
package io.rebalancer.engine.domain;

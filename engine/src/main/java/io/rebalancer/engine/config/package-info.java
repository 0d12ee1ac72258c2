/**
 * Reads the hand-edited configuration folder (engine.conf, instruments.csv, portfolios/*.conf) into one validated
 * {@link io.rebalancer.engine.domain.EngineConfig}, or stops start-up with one message naming file, line and fix.
 */
package io.rebalancer.engine.config;

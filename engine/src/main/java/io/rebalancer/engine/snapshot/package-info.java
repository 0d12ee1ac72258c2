/** How the engine's components write their state into a snapshot and read it back: fixed-width little-endian fields. */
package io.rebalancer.engine.snapshot;

/** How far each portfolio has drifted: incremental values per tick, a band ratio per batch. */
package io.rebalancer.engine.drift;

/** The inbound Disruptor ring: its pre-allocated event, the publishing API and the one topology file. */
package io.rebalancer.engine.pipeline;

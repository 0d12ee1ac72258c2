/**
 * The FIX gateway: takes the engine's child orders off a primitive hand-off ring, sends them as FIX 4.4
 * NewOrderSingles over a QuickFIX/J initiator session, and turns execution reports back into primitive
 * executions on the engine's inbound ring. QuickFIX/J types never leave this package.
 */
package io.rebalancer.fix;

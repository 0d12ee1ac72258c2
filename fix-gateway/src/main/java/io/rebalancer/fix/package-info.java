/**
 * The FIX gateway: takes the engine's child orders, cancels and cancel/replaces off a primitive hand-off ring, sends
 * them as FIX 4.4 or 4.2 messages over a QuickFIX/J initiator session (rate-limited, optionally with logon
 * credentials and TLS), and turns execution reports and cancel rejects back into primitive executions on the
 * engine's inbound ring. QuickFIX/J types never leave this package.
 */
package io.rebalancer.fix;

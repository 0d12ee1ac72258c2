/**
 * The journal, the system of record: every input that enters the engine and every decision that leaves it, as
 * fixed-layout binary records in a Chronicle Queue, chained by a running hash; replay of a journal through the same
 * engine code; and the snapshots that let a restart skip all but the journal's tail.
 */
package io.rebalancer.engine.journaling;

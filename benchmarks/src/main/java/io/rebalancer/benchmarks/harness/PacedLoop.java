package io.rebalancer.benchmarks.harness;

import org.HdrHistogram.Histogram;

/**
 * One phase of a floor (warm-up or measurement) at a fixed offered rate, on the calling thread: event {@code i} goes
 * out when {@link OfferedLoad} says it is due, or at once when the sender is behind. The phase offers the events due
 * before {@code endNanos} and stops when the wall clock passes {@code endNanos}, so a rate the box cannot sustain
 * ends on time with fewer events sent (achieved below offered), and the events that did go out carry the queueing
 * they met in their latency.
 */
final class PacedLoop {
    /** Sends one event that is now due; called on the injecting thread, in index order. */
    interface Sender {
        /**
         * @param index         the event's index in the phase, from 0
         * @param intendedNanos when it was due ({@link System#nanoTime()}); latency is measured from here
         * @return false to end the phase before this event (it was not sent)
         */
        boolean send(long index, long intendedNanos);
    }

    private PacedLoop() {
    }

    /** Runs the phase; returns how many events were sent. */
    static long run(final OfferedLoad load, final long endNanos, final Sender sender) {
        long sent = 0;
        while (load.intendedNanos(sent) - endNanos < 0 && System.nanoTime() - endNanos < 0) {
            if (!sender.send(sent, load.awaitIntended(sent))) {
                break;
            }
            sent++;
        }
        return sent;
    }

    /** A histogram of the probe's range and precision: any latency up to an hour, three significant digits. */
    static Histogram latencyHistogram() {
        return new Histogram(ProbeWindow.HIGHEST_NANOS, ProbeWindow.DIGITS);
    }
}

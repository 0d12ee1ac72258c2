package io.rebalancer.marketdata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pacing at real time (speed 1) with ticks a millisecond apart: each is due within a few polls of at most 10 ms
 * each, unless a bad time stalls the pace, which would take years of polls.
 */
@Timeout(30)
class FeedPacerTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);
    private static final long YEAR = TimeUnit.DAYS.toNanos(365);
    /** Far more polls than a millisecond's wait needs, far fewer than a stalled pace. */
    private static final int MOST_POLLS = 50;

    private static void assertDueSoon(final FeedPacer pacer, final long time) {
        for (int poll = 0; poll < MOST_POLLS; poll++) {
            if (pacer.awaitDue(time)) {
                return;
            }
        }
        throw new AssertionError("a tick at " + time + " was not due after " + MOST_POLLS + " polls");
    }

    @Test
    void shouldPaceOnPastATickDatedEarlier() {
        final FeedPacer pacer = new FeedPacer(1);
        assertDueSoon(pacer, 10 * YEAR);
        assertDueSoon(pacer, 10 * YEAR + MS);
        assertTrue(pacer.awaitDue(0), "an earlier time is due at once");
        assertDueSoon(pacer, 10 * YEAR + 2 * MS);
    }

    @Test
    void shouldNotFollowASingleTickDatedYearsAhead() {
        final FeedPacer pacer = new FeedPacer(1);
        assertDueSoon(pacer, 0);
        assertTrue(pacer.awaitDue(100 * YEAR), "a leap is due at once");
        assertDueSoon(pacer, MS);
        assertDueSoon(pacer, 2 * MS);
        // Had the pace followed the leap, an hour would be long past and due at once.
        assertFalse(pacer.awaitDue(HOUR), "still paced from the old time: an hour of event time is an hour away");
    }

    @Test
    void shouldFollowALeapTheNextTickConfirms() {
        final FeedPacer pacer = new FeedPacer(1);
        assertDueSoon(pacer, 0);
        assertTrue(pacer.awaitDue(YEAR));
        assertTrue(pacer.awaitDue(YEAR + MS), "the second tick moves the pace there");
        assertDueSoon(pacer, YEAR + 2 * MS);
        // Had the pace stayed at 0, this would be one more leap, due at once.
        assertFalse(pacer.awaitDue(YEAR + HOUR), "paced from the leap now: an hour of event time is an hour away");
    }

    @Test
    void shouldNeverWaitAtFullSpeed() {
        final FeedPacer pacer = FeedPacer.fullSpeed();
        assertTrue(pacer.awaitDue(0) && pacer.awaitDue(100 * YEAR) && pacer.awaitDue(1));
    }
}

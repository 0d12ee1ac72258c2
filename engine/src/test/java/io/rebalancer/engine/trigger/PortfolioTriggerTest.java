package io.rebalancer.engine.trigger;

import io.rebalancer.engine.domain.CalendarFrequency;
import io.rebalancer.engine.domain.CalendarSpec;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.TriggerKind;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortfolioTriggerTest {
    private static final long DAY = 86_400_000_000_000L;
    /** 2026-01-05T00:00Z. */
    private static final long MONDAY = 1_767_571_200_000_000_000L;

    private static PortfolioTrigger trigger(final TriggerKind kind, final int hysteresisPpm) {
        final CalendarSpec calendar = kind.hasCalendar()
            ? new CalendarSpec(CalendarFrequency.DAILY, 1, 1, 1, 16 * 3600, ZoneId.of("UTC")) : null;
        return new PortfolioTrigger(new PortfolioSpec(0, "p", 0, new int[] {0}, new long[] {1},
            new int[] {1_000_000}, new int[] {50_000}, new int[] {0}, 0, hysteresisPpm, 0, 0,
            PlannerMode.TO_TARGET, kind, calendar));
    }

    @Test
    void shouldFireOnceWhenTheRatioFirstExceedsOne() {
        final PortfolioTrigger t = trigger(TriggerKind.THRESHOLD, 200_000);
        assertEquals(TriggerReason.NONE, t.decide(1.0));
        assertEquals(TriggerReason.THRESHOLD, t.decide(1.01));
        assertFalse(t.isArmed());
        assertEquals(TriggerReason.NONE, t.decide(1.02));
    }

    @Test
    void shouldNotFireAgainWhileHoveringAtTheBandEdge() {
        final PortfolioTrigger t = trigger(TriggerKind.THRESHOLD, 200_000);
        t.decide(1.05);
        for (int i = 0; i < 1000; i++) {
            assertEquals(TriggerReason.NONE, t.decide(i % 2 == 0 ? 0.95 : 1.05));
        }
    }

    @Test
    void shouldRearmOnlyInsideTheHysteresisEdge() {
        final PortfolioTrigger t = trigger(TriggerKind.THRESHOLD, 200_000);
        t.decide(1.05);
        t.decide(0.81);
        assertFalse(t.isArmed());
        t.decide(0.80);
        assertTrue(t.isArmed());
        assertEquals(TriggerReason.THRESHOLD, t.decide(1.001));
    }

    @Test
    void shouldEscalateWhenDriftGrowsAnotherHysteresisStepBeyondWhereItFired() {
        final PortfolioTrigger t = trigger(TriggerKind.THRESHOLD, 400_000);
        t.decide(1.1);
        assertEquals(TriggerReason.NONE, t.decide(1.5));
        assertEquals(TriggerReason.ESCALATION, t.decide(1.51));
        assertEquals(TriggerReason.NONE, t.decide(1.6));
    }

    @Test
    void shouldNeedAtLeastAQuarterBandToEscalateEvenWithoutHysteresis() {
        final PortfolioTrigger t = trigger(TriggerKind.THRESHOLD, 0);
        t.decide(1.1);
        assertEquals(TriggerReason.NONE, t.decide(1.3));
        assertEquals(TriggerReason.ESCALATION, t.decide(1.36));
    }

    @Test
    void shouldMakeAReviewDueAtTheFirstEventAfterItsTimeAndScheduleTheNext() {
        final PortfolioTrigger t = trigger(TriggerKind.CALENDAR, 0);
        final long sixteen = MONDAY + 16 * 3600 * 1_000_000_000L;
        assertFalse(t.advanceTo(MONDAY + 3600));
        assertEquals(sixteen, t.nextReview());
        assertTrue(t.advanceTo(sixteen + 5 * DAY));
        assertTrue(t.isReviewDue());
        assertEquals(sixteen + 6 * DAY, t.nextReview());
        assertEquals(TriggerReason.CALENDAR, t.decide(0));
        assertFalse(t.isReviewDue());
        assertEquals(TriggerReason.NONE, t.decide(5));
    }

    @Test
    void shouldTradeAtAReviewOnlyOutsideTheBandsForCalendarThreshold() {
        final PortfolioTrigger t = trigger(TriggerKind.CALENDAR_THRESHOLD, 0);
        t.advanceTo(MONDAY);
        t.advanceTo(MONDAY + DAY);
        assertEquals(TriggerReason.NONE, t.decide(0.9));
        assertEquals(TriggerReason.NONE, t.decide(3.0));
        t.advanceTo(MONDAY + 2 * DAY);
        assertEquals(TriggerReason.CALENDAR_THRESHOLD, t.decide(1.2));
    }

    @Test
    void shouldTradeOnThresholdBetweenReviewsAndOnEveryReviewForThresholdOrCalendar() {
        final PortfolioTrigger t = trigger(TriggerKind.THRESHOLD_OR_CALENDAR, 200_000);
        t.advanceTo(MONDAY);
        assertEquals(TriggerReason.THRESHOLD, t.decide(1.2));
        t.advanceTo(MONDAY + DAY);
        assertEquals(TriggerReason.CALENDAR, t.decide(0.1));
    }

    @Test
    void shouldStayArmedAfterACalendarReviewInsideTheBandsThatTradedNothing() {
        final PortfolioTrigger t = trigger(TriggerKind.THRESHOLD_OR_CALENDAR, 200_000);
        t.advanceTo(MONDAY);
        t.advanceTo(MONDAY + DAY);
        assertEquals(TriggerReason.CALENDAR, t.decide(0.9));
        t.afterRebalance(0.9);
        assertTrue(t.isArmed());
        assertEquals(TriggerReason.THRESHOLD, t.decide(1.1));
    }

    @Test
    void shouldRearmRightAfterARebalanceWhoseOrdersBringTheDriftInside() {
        final PortfolioTrigger t = trigger(TriggerKind.THRESHOLD, 200_000);
        assertEquals(TriggerReason.THRESHOLD, t.decide(1.2));
        t.afterRebalance(1.2);
        assertFalse(t.isArmed());
        t.afterRebalance(0.1);
        assertTrue(t.isArmed());
        assertEquals(TriggerReason.THRESHOLD, t.decide(1.05));
    }

    @Test
    void shouldNeverFireFromNaN() {
        final PortfolioTrigger t = trigger(TriggerKind.THRESHOLD, 200_000);
        assertEquals(TriggerReason.NONE, t.decide(Double.NaN));
        assertTrue(t.isArmed());
    }
}

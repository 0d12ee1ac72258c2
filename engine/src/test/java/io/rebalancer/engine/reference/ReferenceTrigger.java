package io.rebalancer.engine.reference;

import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.trigger.TriggerReason;

import java.math.BigInteger;
import java.util.List;

/**
 * When one portfolio rebalances, in exact fractions:
 * <ul>
 *     <li>threshold: an armed trigger fires when the ratio is above 1 and disarms; it re-arms when the ratio is at
 *     or below 1 - h; while disarmed it fires again (an escalation) only when the ratio is above 1 and above the
 *     ratio it last fired at plus max(h, 1/4);</li>
 *     <li>calendar: a review falls due at the first event at or after its instant; the next review is the first
 *     one strictly after that event; a due review waits until the portfolio can be judged;</li>
 *     <li>manual: an operator's request waits until the portfolio can be judged, and counts as a firing for
 *     hysteresis when nothing else fired; any firing disarms the threshold only when out of the bands;</li>
 *     <li>a change of trading state to anything but halted re-arms every trigger and judges every portfolio.</li>
 * </ul>
 * The trigger learns a ratio when the portfolio is judged, at the end of a batch that touched it, and again right
 * after a rebalance on the drift its own orders leave, so re-arming does not depend on batch boundaries.
 * <p>
 * Every comparison of a ratio with a threshold that is closer than {@link #NEAR} is noted: the engine compares
 * doubles, so only such a near tie may legitimately come out differently there.
 */
final class ReferenceTrigger {
    private static final Ratio NEAR = new Ratio(BigInteger.ONE, BigInteger.TEN.pow(12));
    private static final Ratio MIN_ESCALATION_STEP = Ratio.ppm(250_000);

    private final int portfolio;
    private final TriggerKind kind;
    private final Ratio hysteresis;
    private final Ratio escalationStep;
    private final ReferenceCalendar calendar;
    private final List<String> nearTies;
    private boolean armed = true;
    private Ratio firedAt = Ratio.ZERO;
    private boolean reviewDue;
    private Long nextReview;
    private boolean manualRequested;

    ReferenceTrigger(final PortfolioSpec spec, final List<String> nearTies) {
        portfolio = spec.id();
        kind = spec.trigger();
        hysteresis = Ratio.ppm(spec.hysteresisPpm());
        escalationStep = hysteresis.max(MIN_ESCALATION_STEP);
        calendar = spec.calendar() == null ? null : new ReferenceCalendar(spec.calendar());
        this.nearTies = nearTies;
    }

    /** Moves the calendar to the engine clock; true when a review fell due just now. */
    boolean reviewFallsDue(final long now) {
        if (calendar == null) {
            return false;
        }
        if (nextReview == null) {
            nextReview = calendar.firstReviewAtOrAfter(now);
        }
        if (now < nextReview) {
            return false;
        }
        reviewDue = true;
        nextReview = calendar.firstReviewAtOrAfter(now + 1);
        return true;
    }

    void requestManual() {
        manualRequested = true;
    }

    /** Decides for a portfolio that could be judged; consumes a due review and a manual request. */
    TriggerReason decide(final Ratio ratio) {
        final boolean review = reviewDue;
        reviewDue = false;
        TriggerReason reason = switch (kind) {
            case THRESHOLD -> threshold(ratio);
            case CALENDAR -> review ? TriggerReason.CALENDAR : TriggerReason.NONE;
            case CALENDAR_THRESHOLD -> review && above(ratio, Ratio.ONE, "band")
                ? TriggerReason.CALENDAR_THRESHOLD : TriggerReason.NONE;
            case THRESHOLD_OR_CALENDAR -> review ? TriggerReason.CALENDAR : threshold(ratio);
        };
        if (manualRequested) {
            manualRequested = false;
            if (reason == TriggerReason.NONE) {
                reason = TriggerReason.MANUAL;
            }
        }
        if (reason != TriggerReason.NONE && ratio.compareTo(Ratio.ONE) > 0) {
            armed = false;
            firedAt = ratio;
        }
        return reason;
    }

    /** Trading resumed: armed again whatever the drift. */
    void rearm() {
        armed = true;
    }

    /** After a rebalance was booked: re-arm on the drift its working orders leave, if inside the re-arm edge. */
    void afterRebalance(final Ratio ratio) {
        if (!armed && !above(ratio, Ratio.ONE.subtract(hysteresis), "re-arm edge")) {
            armed = true;
        }
    }

    private TriggerReason threshold(final Ratio ratio) {
        if (armed) {
            return above(ratio, Ratio.ONE, "band") ? TriggerReason.THRESHOLD : TriggerReason.NONE;
        }
        if (!above(ratio, Ratio.ONE.subtract(hysteresis), "re-arm edge")) {
            armed = true;
            return TriggerReason.NONE;
        }
        return above(ratio, Ratio.ONE, "band") && above(ratio, firedAt.add(escalationStep), "escalation step")
            ? TriggerReason.ESCALATION : TriggerReason.NONE;
    }

    /** {@code ratio > threshold}, exactly; notes a near tie. */
    private boolean above(final Ratio ratio, final Ratio threshold, final String what) {
        if (ratio.subtract(threshold).abs().compareTo(NEAR) < 0) {
            nearTies.add("portfolio " + portfolio + ": drift ratio " + ratio + " vs " + what + ' ' + threshold);
        }
        return ratio.compareTo(threshold) > 0;
    }
}

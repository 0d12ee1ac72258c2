package io.rebalancer.engine.trigger;

import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.TriggerKind;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.rebalancer.engine.snapshot.SnapshotCodec.getBoolean;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getDouble;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getLong;
import static io.rebalancer.engine.snapshot.SnapshotCodec.longs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putBoolean;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putDouble;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLong;

/**
 * Decides when one portfolio rebalances, from its drift ratio and the calendar, with hysteresis.
 * <p>
 * Threshold rule: an armed trigger fires when the ratio exceeds 1.0 and disarms. It re-arms once the ratio
 * is back at or below {@code 1 - h}. While disarmed it fires again only if the ratio grows by another
 * {@code max(h, 0.25)} beyond the level it last fired at (an escalation: the last rebalance could not fix it, say the
 * lots were too coarse, and things got worse). So a portfolio hovering at its band edge trades once, not on
 * every tick, and one that is stuck outside its band is neither hammered nor abandoned.
 * <p>
 * Calendar rule: a review becomes due at the first event at or after its scheduled instant. A due review
 * waits (stays due) while the portfolio cannot be judged, e.g. for a stale price.
 */
public final class PortfolioTrigger {
    /** Escalations need the ratio to grow by at least this much, even with no hysteresis configured. */
    static final double MIN_ESCALATION_STEP = 0.25;

    private final TriggerKind kind;
    private final double hysteresis;
    private final double escalationStep;
    private final CalendarSchedule schedule;
    private boolean armed = true;
    private double firedRatio;
    private boolean reviewDue;
    private long nextReview = Long.MIN_VALUE;

    public PortfolioTrigger(final PortfolioSpec spec) {
        this(spec, spec.calendar() == null ? null : new CalendarSchedule(spec.calendar()));
    }

    /** With a schedule built by the caller, so that portfolios in one zone share one offset table. */
    public PortfolioTrigger(final PortfolioSpec spec, final CalendarSchedule schedule) {
        kind = spec.trigger();
        hysteresis = Ppm.toFraction(spec.hysteresisPpm());
        escalationStep = Math.max(hysteresis, MIN_ESCALATION_STEP);
        this.schedule = schedule;
    }

    /**
     * Advances the calendar to event time {@code now}.
     *
     * @return true when a review became due with this call
     */
    public boolean advanceTo(final long now) {
        if (schedule == null) {
            return false;
        }
        if (nextReview == Long.MIN_VALUE) {
            nextReview = schedule.firstReviewAtOrAfter(now);
        }
        if (now >= nextReview) {
            reviewDue = true;
            nextReview = schedule.nextReviewAfter(now);
            return true;
        }
        return false;
    }

    /** The next scheduled review, epoch nanos; {@link Long#MAX_VALUE} without a calendar. */
    public long nextReview() {
        return schedule == null ? Long.MAX_VALUE : nextReview;
    }

    public boolean isReviewDue() {
        return reviewDue;
    }

    public boolean isArmed() {
        return armed;
    }

    /**
     * Decides, for a portfolio that could be judged, whether it rebalances now.
     *
     * @param ratio the drift ratio from the drift calculator
     * @return the reason to rebalance, or {@link TriggerReason#NONE}
     */
    public TriggerReason decide(final double ratio) {
        final boolean review = reviewDue;
        reviewDue = false;
        final TriggerReason reason;
        switch (kind) {
            case THRESHOLD:
                reason = threshold(ratio);
                break;
            case CALENDAR:
                reason = review ? TriggerReason.CALENDAR : TriggerReason.NONE;
                break;
            case CALENDAR_THRESHOLD:
                reason = review && ratio > 1.0 ? TriggerReason.CALENDAR_THRESHOLD : TriggerReason.NONE;
                break;
            case THRESHOLD_OR_CALENDAR:
                reason = review ? TriggerReason.CALENDAR : threshold(ratio);
                break;
            default:
                reason = TriggerReason.NONE;
        }
        if (reason != TriggerReason.NONE) {
            fired(ratio);
        }
        return reason;
    }

    /**
     * Re-judges the trigger on the drift right after a rebalance was booked (working orders count), so that it
     * re-arms on the portfolio the orders leave behind and not at whichever batch happens to come next, so re-arming
     * does not depend on where batch boundaries fall. A rebalance that sent nothing leaves it disarmed.
     */
    public void afterRebalance(final double ratio) {
        if (!armed && ratio <= 1.0 - hysteresis) {
            armed = true;
        }
    }

    /**
     * Records a rebalance. Only one out of the bands disarms the threshold: a calendar review or an operator's
     * request inside the bands must not leave the threshold deaf to a real breach that follows.
     */
    public void fired(final double ratio) {
        if (ratio > 1.0) {
            armed = false;
            firedRatio = ratio;
        }
    }

    /** Arms the threshold again whatever the drift: trading resumed, so every portfolio is judged afresh. */
    public void rearm() {
        armed = true;
    }

    private TriggerReason threshold(final double ratio) {
        if (armed) {
            return ratio > 1.0 ? TriggerReason.THRESHOLD : TriggerReason.NONE;
        }
        if (ratio <= 1.0 - hysteresis) {
            armed = true;
            return TriggerReason.NONE;
        }
        return ratio > 1.0 && ratio > firedRatio + escalationStep ? TriggerReason.ESCALATION : TriggerReason.NONE;
    }

    /** Bytes {@link #writeTo} writes. */
    public int snapshotBytes() {
        return longs(2) + 2;
    }

    /**
     * Writes the trigger's state for an engine snapshot (the schedule is immutable and comes from the spec). A field
     * added here is added to {@link #readFrom} too.
     *
     * @return the offset just past what was written
     */
    public int writeTo(final MutableDirectBuffer buffer, final int offset) {
        int at = putBoolean(buffer, offset, armed);
        at = putDouble(buffer, at, firedRatio);
        at = putBoolean(buffer, at, reviewDue);
        return putLong(buffer, at, nextReview);
    }

    /**
     * Reads back what {@link #writeTo} wrote.
     *
     * @return the offset just past what was read
     */
    public int readFrom(final DirectBuffer buffer, final int offset) {
        int at = offset;
        armed = getBoolean(buffer, at);
        at += 1;
        firedRatio = getDouble(buffer, at);
        at += Long.BYTES;
        reviewDue = getBoolean(buffer, at);
        at += 1;
        nextReview = getLong(buffer, at);
        return at + Long.BYTES;
    }
}

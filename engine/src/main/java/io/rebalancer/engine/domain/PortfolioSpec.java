package io.rebalancer.engine.domain;

import java.util.Arrays;

/**
 * One portfolio as configured: what it holds, what it should hold, and when and how it rebalances.
 * Arrays are parallel and indexed by the portfolio's own asset slot (0..assets-1), not by instrument id.
 * Validated by the configuration loader; the constructor re-checks the invariants the engine relies on.
 *
 * @param id                  dense portfolio id, 0..n-1
 * @param name                name used in configuration and output
 * @param cash                settled cash in micros
 * @param instrumentIds       instrument id per slot, each once
 * @param quantities          holding per slot, in units (never negative: the engine does not short)
 * @param targetPpm           target weight per slot; they sum to exactly {@link Ppm#ONE}
 * @param absoluteBandPpm     per slot: allowed deviation in weight (ppm of the portfolio), 0 = none
 * @param relativeBandPpm     per slot: allowed deviation as ppm of the target weight, 0 = none
 * @param portfolioBandPpm    allowed total drift (half the sum of absolute deviations), 0 = none
 * @param hysteresisPpm       fraction of the band the drift must come back inside before the trigger re-arms
 * @param cashBufferPpm       fraction of the portfolio value kept in cash and never spent
 * @param minTradeNotional    smallest order worth sending, in micros
 * @param plannerMode         how far a rebalance moves each asset
 * @param trigger             when it rebalances
 * @param calendar            the review schedule, or null for a pure threshold trigger
 */
public record PortfolioSpec(int id, String name, long cash, int[] instrumentIds, long[] quantities,
                            int[] targetPpm, int[] absoluteBandPpm, int[] relativeBandPpm, int portfolioBandPpm,
                            int hysteresisPpm, int cashBufferPpm, long minTradeNotional, PlannerMode plannerMode,
                            TriggerKind trigger, CalendarSpec calendar) {
    public PortfolioSpec {
        if (name == null || name.isEmpty() || plannerMode == null || trigger == null) {
            throw new IllegalArgumentException("portfolio " + id + ": name, planner mode and trigger are required");
        }
        final int n = instrumentIds.length;
        if (quantities.length != n || targetPpm.length != n || absoluteBandPpm.length != n
            || relativeBandPpm.length != n) {
            throw new IllegalArgumentException(name + ": per-asset arrays differ in length");
        }
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += targetPpm[i];
            if (quantities[i] < 0 || targetPpm[i] < 0 || absoluteBandPpm[i] < 0 || relativeBandPpm[i] < 0
                || instrumentIds[i] < 0) {
                throw new IllegalArgumentException(name + ": negative id, holding, target or band in slot " + i);
            }
            for (int j = 0; j < i; j++) {
                if (instrumentIds[j] == instrumentIds[i]) {
                    throw new IllegalArgumentException(name + ": instrument " + instrumentIds[i] + " in two slots");
                }
            }
            if (effectiveBandPpm(absoluteBandPpm[i], relativeBandPpm[i], targetPpm[i]) <= 0
                && trigger != TriggerKind.CALENDAR) {
                throw new IllegalArgumentException(name + ": slot " + i + " has no positive band");
            }
        }
        if (sum != Ppm.ONE) {
            throw new IllegalArgumentException(name + ": targets sum to " + sum + " ppm, not " + Ppm.ONE);
        }
        if (cash < 0 || hysteresisPpm < 0 || hysteresisPpm >= Ppm.ONE || cashBufferPpm < 0
            || cashBufferPpm >= Ppm.ONE || minTradeNotional < 0 || portfolioBandPpm < 0) {
            throw new IllegalArgumentException(name + ": invalid cash, hysteresis, buffer or minimum notional");
        }
        if (trigger.hasCalendar() != (calendar != null)) {
            throw new IllegalArgumentException(name + ": trigger " + trigger + " and calendar " + calendar);
        }
        instrumentIds = instrumentIds.clone();
        quantities = quantities.clone();
        targetPpm = targetPpm.clone();
        absoluteBandPpm = absoluteBandPpm.clone();
        relativeBandPpm = relativeBandPpm.clone();
    }

    /**
     * The band an asset is held to: the tighter of the absolute band and the relative band applied to the
     * target ("5/25": 5 points or 25% of target, whichever is smaller). Zero means "none configured".
     */
    public static int effectiveBandPpm(final int absolutePpm, final int relativePpm, final int targetPpm) {
        final int relative = relativePpm == 0 ? 0 : (int)((long)relativePpm * targetPpm / Ppm.ONE);
        if (absolutePpm == 0) {
            return relative;
        }
        return relative == 0 ? absolutePpm : Math.min(absolutePpm, relative);
    }

    public int assets() {
        return instrumentIds.length;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof PortfolioSpec other && id == other.id && name.equals(other.name) && cash == other.cash
            && Arrays.equals(instrumentIds, other.instrumentIds) && Arrays.equals(quantities, other.quantities)
            && Arrays.equals(targetPpm, other.targetPpm) && Arrays.equals(absoluteBandPpm, other.absoluteBandPpm)
            && Arrays.equals(relativeBandPpm, other.relativeBandPpm) && portfolioBandPpm == other.portfolioBandPpm
            && hysteresisPpm == other.hysteresisPpm && cashBufferPpm == other.cashBufferPpm
            && minTradeNotional == other.minTradeNotional && plannerMode == other.plannerMode
            && trigger == other.trigger && java.util.Objects.equals(calendar, other.calendar);
    }

    @Override
    public int hashCode() {
        return 31 * id + name.hashCode();
    }
}

package io.rebalancer.engine.config;

import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.TriggerKind;

import java.util.Arrays;
import java.util.List;

/**
 * Reads a portfolio's {@code [bands]}: portfolio-wide {@code absolute} (percentage points of the portfolio) and
 * {@code relative} (percent of the asset's target) bands, per-asset overrides {@code absolute.SYMBOL} and
 * {@code relative.SYMBOL}, the total-drift {@code portfolio} band and {@code hysteresis}.
 */
final class BandsSection {
    static final List<String> KEYS = List.of(
        "absolute", "relative", "portfolio", "hysteresis", "absolute.SYMBOL", "relative.SYMBOL");
    private static final String ABSOLUTE = "absolute";
    private static final String RELATIVE = "relative";
    private static final List<String> PER_ASSET = List.of(ABSOLUTE, RELATIVE);

    /**
     * The bands of one portfolio, per slot.
     *
     * @param absolutePpm   per slot, allowed deviation in weight, 0 = none
     * @param relativePpm   per slot, allowed deviation in ppm of the target, 0 = none
     * @param portfolioPpm  allowed total drift, 0 = none
     * @param hysteresisPpm fraction of the band drift must return inside before the trigger re-arms
     */
    record Bands(int[] absolutePpm, int[] relativePpm, int portfolioPpm, int hysteresisPpm) {
    }

    private BandsSection() {
    }

    static Bands read(final IniSection section, final AssetSlots slots, final SymbolTable symbols)
        throws ConfigException {
        int absolute = ConfigDefaults.DEFAULT_ABSOLUTE_BAND_PPM;
        int relative = ConfigDefaults.DEFAULT_RELATIVE_BAND_PPM;
        int portfolio = ConfigDefaults.DEFAULT_PORTFOLIO_BAND_PPM;
        int hysteresis = ConfigDefaults.DEFAULT_HYSTERESIS_PPM;
        final int[] absoluteOverride = new int[slots.size()];
        final int[] relativeOverride = new int[slots.size()];
        Arrays.fill(absoluteOverride, -1);
        Arrays.fill(relativeOverride, -1);
        for (final IniEntry entry : section.entries()) {
            final String key = entry.key();
            switch (key) {
                case ABSOLUTE -> absolute = points(entry);
                case RELATIVE -> relative = Values.percent(entry);
                case "portfolio" -> portfolio = points(entry);
                case "hysteresis" -> hysteresis = hysteresis(entry);
                default -> {
                    final int dot = key.indexOf('.');
                    final String prefix = dot < 0 ? key : key.substring(0, dot);
                    if (dot < 0 || !PER_ASSET.contains(prefix)) {
                        throw unknownKey(entry, dot, prefix);
                    }
                    final int slot = slotOf(entry, key.substring(dot + 1), slots, symbols);
                    if (prefix.equals(ABSOLUTE)) {
                        absoluteOverride[slot] = points(entry);
                    } else {
                        relativeOverride[slot] = Values.percent(entry);
                    }
                }
            }
        }
        final int[] absolutePpm = new int[slots.size()];
        final int[] relativePpm = new int[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            absolutePpm[i] = absoluteOverride[i] < 0 ? absolute : absoluteOverride[i];
            relativePpm[i] = relativeOverride[i] < 0 ? relative : relativeOverride[i];
        }
        return new Bands(absolutePpm, relativePpm, portfolio, hysteresis);
    }

    /**
     * Every slot needs a positive band unless the portfolio only rebalances on the calendar: an asset without one
     * would be "out of band" at the first tick of drift and trade on every tick.
     */
    static void requireBands(final AssetSlots slots, final Bands bands, final TriggerKind kind)
        throws ConfigException {
        if (kind == TriggerKind.CALENDAR) {
            return;
        }
        for (int i = 0; i < slots.size(); i++) {
            final int absolute = bands.absolutePpm()[i];
            final int relative = bands.relativePpm()[i];
            final int target = slots.targetPpm(i);
            if (PortfolioSpec.effectiveBandPpm(absolute, relative, target) > 0) {
                continue;
            }
            final String symbol = slots.symbol(i);
            final String detail;
            if (target == 0) {
                detail = "no band: its target is 0%, so a relative band gives it no room; give it an absolute band, "
                    + "e.g. absolute." + symbol + " = 2 in [bands]";
            } else if (absolute == 0 && relative == 0) {
                detail = "no band; add absolute = 5 or relative = 25 to [bands] (or absolute." + symbol + " = 5), "
                    + "or set kind = calendar in [trigger]";
            } else {
                detail = "no band: a relative band of " + Ppm.formatPercent(relative) + " of a "
                    + Ppm.formatPercent(target) + " target rounds to 0; widen it or give " + symbol
                    + " an absolute band";
            }
            throw slots.origin(i).error(detail);
        }
    }

    /** A band in percentage points of the portfolio's value, at most 100. */
    private static int points(final IniEntry entry) throws ConfigException {
        final int ppm = Values.percent(entry);
        if (ppm > Ppm.ONE) {
            throw entry.error(entry.value() + " is above 100 percentage points; a weight cannot move further");
        }
        return ppm;
    }

    private static int hysteresis(final IniEntry entry) throws ConfigException {
        final int ppm = Values.percent(entry);
        if (ppm >= Ppm.ONE) {
            throw entry.error(entry.value() + " must be below 100%: the trigger re-arms once drift is back inside "
                + "band x (1 - hysteresis), which would be 0");
        }
        return ppm;
    }

    private static int slotOf(final IniEntry entry, final String symbol, final AssetSlots slots,
                              final SymbolTable symbols) throws ConfigException {
        symbols.idOf(entry, symbol);
        final int slot = slots.slotOf(symbol);
        if (slot < 0) {
            throw entry.error(symbol + " is neither in [targets] nor in [holdings] of this portfolio; remove this "
                + "line or add " + symbol + " to [targets]");
        }
        return slot;
    }

    private static ConfigException unknownKey(final IniEntry entry, final int dot, final String prefix) {
        if (dot < 0) {
            return IniSection.unknownKey(entry, KEYS);
        }
        final String closest = Suggestions.closest(prefix, PER_ASSET);
        return entry.error("unknown key" + (closest == null ? "." : "; did you mean " + closest
            + entry.key().substring(dot) + "?") + " Keys in [bands]: " + String.join(", ", KEYS));
    }
}

package io.rebalancer.engine.config;

import io.rebalancer.engine.domain.Ppm;

import java.util.ArrayList;
import java.util.List;

/**
 * A portfolio's assets in slot order, read from {@code [targets]} and {@code [holdings]}: targeted symbols in
 * file order, then symbols that are held but not targeted (target 0, so the engine sells them down). Each slot
 * keeps the line that introduced it, for errors about that asset.
 */
final class AssetSlots {
    private final List<String> symbols = new ArrayList<>();
    private final List<IniEntry> origins = new ArrayList<>();
    private final List<Integer> instrumentIds = new ArrayList<>();
    private final List<Integer> targets = new ArrayList<>();
    private final List<Long> quantities = new ArrayList<>();

    private AssetSlots() {
    }

    static AssetSlots read(final IniSection targets, final IniSection holdings, final SymbolTable symbolTable)
        throws ConfigException {
        final AssetSlots slots = new AssetSlots();
        if (!targets.isPresent()) {
            throw new ConfigException(targets.file(), 0, "no [targets] section; add one with a SYMBOL = percent "
                + "line per asset, summing to 100%");
        }
        if (targets.isEmpty()) {
            throw targets.error("lists no assets; add SYMBOL = percent lines summing to 100%, e.g. SPY = 60");
        }
        long sum = 0;
        for (final IniEntry entry : targets.entries()) {
            final int id = symbolTable.idOf(entry, entry.key());
            final int weight = Values.percent(entry);
            if (weight > Ppm.ONE) {
                throw entry.error(entry.value() + " is above 100%; a target is a share of the portfolio's value");
            }
            slots.add(entry, id, weight);
            sum += weight;
        }
        if (sum != Ppm.ONE) {
            throw targets.error("weights sum to " + Ppm.formatPercent(sum) + "; they must sum to exactly 100%, so "
                + (sum < Ppm.ONE ? "add " : "remove ") + Ppm.formatPercent(Math.abs(Ppm.ONE - sum)));
        }
        for (final IniEntry entry : holdings.entries()) {
            final int id = symbolTable.idOf(entry, entry.key());
            final long quantity = Values.wholeNumber(entry);
            if (quantity < 0) {
                throw entry.error(quantity + " is negative; a holding is the number of units held and the engine "
                    + "never sells short, so use 0 or more");
            }
            int slot = slots.symbols.indexOf(entry.key());
            if (slot < 0) {
                slot = slots.add(entry, id, 0);
            }
            slots.quantities.set(slot, quantity);
        }
        return slots;
    }

    private int add(final IniEntry origin, final int instrumentId, final int targetPpm) {
        symbols.add(origin.key());
        origins.add(origin);
        instrumentIds.add(instrumentId);
        targets.add(targetPpm);
        quantities.add(0L);
        return symbols.size() - 1;
    }

    int size() {
        return symbols.size();
    }

    /** The slot of {@code symbol}, or -1 when the portfolio neither targets nor holds it. */
    int slotOf(final String symbol) {
        return symbols.indexOf(symbol);
    }

    String symbol(final int slot) {
        return symbols.get(slot);
    }

    /** The {@code [targets]} or {@code [holdings]} line that introduced the slot. */
    IniEntry origin(final int slot) {
        return origins.get(slot);
    }

    int targetPpm(final int slot) {
        return targets.get(slot);
    }

    int[] instrumentIds() {
        return instrumentIds.stream().mapToInt(Integer::intValue).toArray();
    }

    int[] targetPpm() {
        return targets.stream().mapToInt(Integer::intValue).toArray();
    }

    long[] quantities() {
        return quantities.stream().mapToLong(Long::longValue).toArray();
    }
}

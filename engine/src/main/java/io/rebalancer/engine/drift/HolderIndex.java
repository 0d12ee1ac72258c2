package io.rebalancer.engine.drift;

import io.rebalancer.engine.state.Portfolio;

/**
 * For each instrument, the (portfolio, slot) pairs that hold or target it, in compressed rows, so a tick
 * touches only the portfolios it moves and iterating them allocates nothing.
 */
public final class HolderIndex {
    private final int[] start;
    private final int[] portfolioIds;
    private final int[] slots;

    public HolderIndex(final int instruments, final Portfolio[] portfolios) {
        start = new int[instruments + 1];
        for (final Portfolio portfolio : portfolios) {
            for (int slot = 0; slot < portfolio.assets(); slot++) {
                start[portfolio.instrumentId(slot) + 1]++;
            }
        }
        for (int i = 0; i < instruments; i++) {
            start[i + 1] += start[i];
        }
        portfolioIds = new int[start[instruments]];
        slots = new int[start[instruments]];
        final int[] next = start.clone();
        for (final Portfolio portfolio : portfolios) {
            for (int slot = 0; slot < portfolio.assets(); slot++) {
                final int at = next[portfolio.instrumentId(slot)]++;
                portfolioIds[at] = portfolio.id();
                slots[at] = slot;
            }
        }
    }

    /** First row index of the instrument's holders. */
    public int begin(final int instrument) {
        return start[instrument];
    }

    /** One past the last row index of the instrument's holders. */
    public int end(final int instrument) {
        return start[instrument + 1];
    }

    public int portfolioAt(final int row) {
        return portfolioIds[row];
    }

    public int slotAt(final int row) {
        return slots[row];
    }
}

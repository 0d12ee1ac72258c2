package io.rebalancer.marketdata.csv;

import io.rebalancer.engine.domain.InstrumentUniverse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Symbol bytes to instrument id without making a {@code String} per line (the universe's own lookup needs one):
 * open addressing with linear probing over the configured symbols' UTF-8 bytes (plain ASCII for any real ticker),
 * in a table at least twice the symbol count so a probe ends quickly at an empty slot. Built once; read-only after.
 */
final class SymbolIndex {
    private final byte[][] keys;
    private final int[] ids;
    private final int mask;

    SymbolIndex(final InstrumentUniverse universe) {
        final int capacity = Math.max(4, Integer.highestOneBit(Math.max(1, universe.size()) * 2 - 1) << 1);
        keys = new byte[capacity][];
        ids = new int[capacity];
        mask = capacity - 1;
        for (int id = 0; id < universe.size(); id++) {
            final byte[] key = universe.get(id).symbol().getBytes(StandardCharsets.UTF_8);
            int slot = hash(key, 0, key.length) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            ids[slot] = id;
        }
    }

    /** The instrument id of the symbol in {@code bytes[start, end)}, or -1 when the universe does not know it. */
    int idOf(final byte[] bytes, final int start, final int end) {
        int slot = hash(bytes, start, end) & mask;
        while (true) {
            final byte[] key = keys[slot];
            if (key == null) {
                return -1;
            }
            if (Arrays.equals(key, 0, key.length, bytes, start, end)) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    /** FNV-1a, then the high bits folded down: tickers differ in their last letters, which the mask keeps. */
    private static int hash(final byte[] bytes, final int start, final int end) {
        int hash = 0x811C9DC5;
        for (int i = start; i < end; i++) {
            hash = (hash ^ (bytes[i] & 0xFF)) * 0x01000193;
        }
        return hash ^ (hash >>> 16);
    }
}

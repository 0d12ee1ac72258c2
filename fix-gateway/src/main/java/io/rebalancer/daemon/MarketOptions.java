package io.rebalancer.daemon;

import io.rebalancer.marketdata.edge.EdgeSettings;

import java.nio.file.Path;

/**
 * Where the daemon's prices come from and how the market-data edge judges them.
 *
 * @param kind         the source
 * @param source       the file or folder of a CSV or recorded source, the market-data client's QuickFIX/J settings
 *                     of an external FIX source; null otherwise
 * @param speed        event time per unit of wall time for a file or recording; 0 for as fast as the engine and the
 *                     venue keep up
 * @param jumpLimitPpm a tick moving further than this from the last good price is held for confirmation; 0 for off
 * @param recordTo     a folder to record the raw feed to (replay it with {@code --market recorded:DIR}); null for none
 */
record MarketOptions(Kind kind, Path source, double speed, long jumpLimitPpm, Path recordTo) {
    /** The built-in synthetic market, judged with the default jump limit, recorded nowhere. */
    static final MarketOptions SYNTHETIC = new MarketOptions(Kind.SYNTHETIC, null, 0,
        EdgeSettings.DEFAULT_JUMP_LIMIT_PPM, null);

    enum Kind {
        /** Correlated random walks of the configured instruments, seeded. */
        SYNTHETIC,
        /** A CSV price file, wide (a column per symbol) or long (a row per tick). */
        CSV,
        /** A feed recorded with {@code --record-feed}. */
        RECORDED,
        /**
         * FIX market data: from the in-process venue simulator's own synthetic market (no settings file), or from
         * the acceptor a settings file names.
         */
        FIX
    }

    /** Parses {@code synthetic}, {@code csv:FILE}, {@code recorded:DIR}, {@code fix} or {@code fix:FILE}. */
    static MarketOptions parse(final String value, final double speed, final long jumpLimitPpm, final Path recordTo)
        throws UsageException {
        final int colon = value.indexOf(':');
        final String kind = colon < 0 ? value : value.substring(0, colon);
        final String where = colon < 0 ? "" : value.substring(colon + 1);
        switch (kind) {
            case "synthetic":
                if (!where.isEmpty()) {
                    throw new UsageException("--market synthetic takes nothing after it, not '" + where + "'");
                }
                return new MarketOptions(Kind.SYNTHETIC, null, speed, jumpLimitPpm, recordTo);
            case "fix":
                return new MarketOptions(Kind.FIX, where.isBlank() ? null : Path.of(where), speed, jumpLimitPpm,
                    recordTo);
            case "csv":
            case "recorded":
                if (where.isBlank()) {
                    throw new UsageException("--market " + kind + " needs " + (kind.equals("csv")
                        ? "a file: csv:prices.csv" : "a folder: recorded:feed"));
                }
                return new MarketOptions(kind.equals("csv") ? Kind.CSV : Kind.RECORDED, Path.of(where), speed,
                    jumpLimitPpm, recordTo);
            default:
                throw new UsageException("--market: '" + value + "' is not synthetic, csv:FILE, recorded:DIR, fix or"
                    + " fix:FILE");
        }
    }

    /** A percentage such as {@code 25} or {@code 25%}, or {@code off}, as parts per million. */
    static long jumpLimit(final String value) throws UsageException {
        if ("off".equals(value)) {
            return 0;
        }
        final String number = value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
        try {
            final double percent = Double.parseDouble(number);
            if (percent > 0 && percent <= 1_000_000) {
                return Math.round(percent * 10_000);
            }
        } catch (final NumberFormatException ex) {
            // Said below, with the option's name.
        }
        throw new UsageException("--jump-limit: '" + value + "' is not a positive percentage such as 25% or off");
    }

    /** A factor such as {@code 1} (real time), {@code 3600} (an hour a second) or {@code 0} (as fast as it goes). */
    static double speed(final String value) throws UsageException {
        try {
            final double speed = Double.parseDouble(value);
            if (speed >= 0 && !Double.isInfinite(speed)) {
                return speed;
            }
        } catch (final NumberFormatException ex) {
            // Said below, with the option's name.
        }
        throw new UsageException("--speed: '" + value + "' is not 0 (as fast as the engine keeps up) or a positive"
            + " factor such as 1 or 3600");
    }
}

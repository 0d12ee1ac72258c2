package io.rebalancer.marketdata.synthetic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model read from a file drives the market: two instruments the file correlates at 0.9 move together by that
 * much. 100k daily steps put the standard error of the sample correlation near (1 - 0.81) / sqrt(100k) = 0.0006
 * and of each volatility near 0.0005; the tolerances are about eight of those.
 */
@Timeout(30)
class MarketModelFileStatisticsTest {
    private static final int STEPS = 100_000;
    private static final long DAY = 86_400_000_000_000L;
    private static final long SEED = 20_261_124L;
    private static final MarketDefaults NOTHING_KNOWN = new MarketDefaults(Map.of(),
        new InstrumentParameters(100_000_000L, 0.05, 0.20, 2.0, "other"), List.of("other"), new double[][] {{0}});

    @TempDir
    Path dir;

    @Test
    void shouldMoveTwoInstrumentsWithTheFilesCorrelation() throws IOException {
        final Path file = dir.resolve(MarketModelFile.FILE_NAME);
        Files.writeString(file, """
            AAA start=50.00 drift=4% volatility=30% half-spread=1bp
            BBB start=20.00 drift=2% volatility=10% half-spread=1bp
            correlation AAA BBB 0.9
            """);
        final MarketModel model = MarketModelFile.read(file).model(MarketModelFileTest.universe("AAA", "BBB"),
            NOTHING_KNOWN, SEED, 0, DAY / 2, new long[2]);
        final LatestQuotes quotes = new LatestQuotes(2);
        final SyntheticMarket market = new SyntheticMarket(model, new TickTape().sink(), quotes);
        market.run(2);
        assertTrue(quotes.bid(0) < 50_000_000L && quotes.ask(0) > 50_000_000L, "AAA quoted around its start");
        final double dt = market.stepYears();
        double sumA = 0;
        double sumB = 0;
        double sumAa = 0;
        double sumBb = 0;
        double sumAb = 0;
        for (int s = 0; s < STEPS; s++) {
            final double beforeA = market.logPrice(0);
            final double beforeB = market.logPrice(1);
            market.step();
            final double a = market.logPrice(0) - beforeA;
            final double b = market.logPrice(1) - beforeB;
            sumA += a;
            sumB += b;
            sumAa += a * a;
            sumBb += b * b;
            sumAb += a * b;
        }
        final double meanA = sumA / STEPS;
        final double meanB = sumB / STEPS;
        final double sdA = Math.sqrt(sumAa / STEPS - meanA * meanA);
        final double sdB = Math.sqrt(sumBb / STEPS - meanB * meanB);
        assertEquals(0.9, (sumAb / STEPS - meanA * meanB) / (sdA * sdB), 0.005, "correlation, seed " + SEED);
        assertEquals(0.30, sdA / Math.sqrt(dt), 0.004, "AAA's annual volatility, seed " + SEED);
        assertEquals(0.10, sdB / Math.sqrt(dt), 0.004, "BBB's annual volatility, seed " + SEED);
    }
}

package io.rebalancer.marketdata.synthetic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model's log returns have the configured drift, volatility and correlation. 200k daily steps (547 years,
 * seeded) put the standard error of the annual drift near 0.009, of the volatility near 0.0003 and of each
 * correlation near 0.002; the tolerances are about four of those.
 */
@Timeout(30)
class MarketStatisticsTest {
    private static final int STEPS = 200_000;
    private static final long DAY = 86_400_000_000_000L;
    private static final double[] DRIFT = {0.08, 0.02, 0.05};
    /**
     * The third instrument is volatile enough that the Ito term it must carry, sigma^2 / 2 = 0.18 a year, is far
     * outside the drift estimate's tolerance: a model without it fails.
     */
    private static final double[] VOLATILITY = {0.20, 0.10, 0.60};
    private static final double[][] CORRELATION = {{1, 0.5, -0.3}, {0.5, 1, 0.2}, {-0.3, 0.2, 1}};
    private static final long SEED = 20_260_129L;

    @Test
    void shouldMatchConfiguredDriftVolatilityAndCorrelation() {
        final int n = DRIFT.length;
        final MarketModel model = new MarketModel(List.of(
            new InstrumentModel(0, 100_000_000L, 10_000, DRIFT[0], VOLATILITY[0], 1),
            new InstrumentModel(1, 100_000_000L, 10_000, DRIFT[1], VOLATILITY[1], 1),
            new InstrumentModel(2, 100_000_000L, 10_000, DRIFT[2], VOLATILITY[2], 1)),
            CORRELATION, SEED, 0, DAY / n);
        final SyntheticMarket market = new SyntheticMarket(model, new TickTape().sink(), new LatestQuotes(n));
        final double dt = market.stepYears();
        assertEquals(1.0 / 365.25, dt, 1e-12);
        final double[] sum = new double[n];
        final double[][] products = new double[n][n];
        final double[] before = new double[n];
        final double[] r = new double[n];
        for (int s = 0; s < STEPS; s++) {
            for (int i = 0; i < n; i++) {
                before[i] = market.logPrice(i);
            }
            market.step();
            for (int i = 0; i < n; i++) {
                r[i] = market.logPrice(i) - before[i];
                sum[i] += r[i];
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    products[i][j] += r[i] * r[j];
                }
            }
        }
        final double[] mean = new double[n];
        final double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = sum[i] / STEPS;
            sd[i] = Math.sqrt(products[i][i] / STEPS - mean[i] * mean[i]);
            final double expectedLogDrift = DRIFT[i] - VOLATILITY[i] * VOLATILITY[i] / 2;
            // Four standard errors of a mean log return over STEPS * dt years.
            final double tolerance = 4 * VOLATILITY[i] / Math.sqrt(STEPS * dt);
            assertTrue(tolerance < VOLATILITY[2] * VOLATILITY[2] / 2, "tolerance too loose to see the Ito term");
            assertEquals(expectedLogDrift, mean[i] / dt, tolerance, "annual log drift, seed " + SEED);
            assertEquals(VOLATILITY[i], sd[i] / Math.sqrt(dt), 0.004, "annual volatility, seed " + SEED);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                final double covariance = products[i][j] / STEPS - mean[i] * mean[j];
                assertEquals(CORRELATION[i][j], covariance / (sd[i] * sd[j]), 0.01, "correlation " + i + "," + j);
            }
        }
    }
}

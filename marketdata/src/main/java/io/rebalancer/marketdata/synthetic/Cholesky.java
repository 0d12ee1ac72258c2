package io.rebalancer.marketdata.synthetic;

/**
 * Cholesky decomposition of a correlation matrix: turns independent standard normals into correlated ones
 * ({@code z = L e}). Run once at start-up, so clarity beats speed here.
 */
public final class Cholesky {
    private static final double TOLERANCE = 1e-12;

    private Cholesky() {
    }

    /**
     * The lower-triangular factor {@code L} with {@code L L' = m}, row-major in an {@code n * n} array, or null
     * when {@code m} is not a valid correlation matrix (not square, not symmetric, diagonal not 1, an entry
     * outside [-1, 1] or not finite) or not positive definite.
     */
    public static double[] decompose(final double[][] m) {
        final int n = m.length;
        for (int i = 0; i < n; i++) {
            if (m[i] == null || m[i].length != n || Math.abs(m[i][i] - 1.0) > TOLERANCE) {
                return null;
            }
            for (int j = 0; j < n; j++) {
                final double v = m[i][j];
                if (!Double.isFinite(v) || v < -1.0 || v > 1.0 || Math.abs(v - m[j][i]) > TOLERANCE) {
                    return null;
                }
            }
        }
        final double[] lower = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = m[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= lower[i * n + k] * lower[j * n + k];
                }
                if (i == j) {
                    if (sum <= TOLERANCE) {
                        return null;
                    }
                    lower[i * n + i] = Math.sqrt(sum);
                } else {
                    lower[i * n + j] = sum / lower[j * n + j];
                }
            }
        }
        return lower;
    }
}

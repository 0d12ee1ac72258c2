package io.rebalancer.engine;

/**
 * Seeds for randomised tests. CI must be repeatable, so by default a test uses its own fixed seed; set
 * {@code -Drebalancer.test.random=true} (through {@code -Djvm.extra.flags=...} on the Maven command line) to explore
 * fresh seeds, or the test's own seed property to replay one. Every test prints its seed when it fails.
 */
public final class TestSeeds {
    private TestSeeds() {
    }

    /**
     * @param property the test's replay property, e.g. {@code planner.seed}
     * @param fixed    the seed CI uses
     */
    public static long seed(final String property, final long fixed) {
        final Long given = Long.getLong(property);
        if (given != null) {
            return given;
        }
        return Boolean.getBoolean("rebalancer.test.random") ? System.nanoTime() : fixed;
    }
}

package io.rebalancer.engine.domain;

import java.util.List;

/** Everything the engine needs to start, validated once at start-up. */
public record EngineConfig(EngineSettings settings, InstrumentUniverse universe, RiskLimits risk,
                           List<PortfolioSpec> portfolios, OrderPolicy orders) {
    /** With {@link OrderPolicy#KEEP_WORKING}: no cancels or replaces unless a test asks for them. */
    public EngineConfig(final EngineSettings settings, final InstrumentUniverse universe, final RiskLimits risk,
        final List<PortfolioSpec> portfolios) {
        this(settings, universe, risk, portfolios, OrderPolicy.KEEP_WORKING);
    }

    public EngineConfig {
        portfolios = List.copyOf(portfolios);
        if (orders == null) {
            throw new IllegalArgumentException("order policy missing");
        }
        for (int i = 0; i < portfolios.size(); i++) {
            if (portfolios.get(i).id() != i) {
                throw new IllegalArgumentException("portfolio ids must be dense in list order");
            }
        }
        if (risk.restricted().length != universe.size()) {
            throw new IllegalArgumentException("restricted flags must cover every instrument");
        }
    }
}

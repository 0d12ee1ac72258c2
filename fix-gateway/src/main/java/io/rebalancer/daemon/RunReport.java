package io.rebalancer.daemon;

import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.drift.DriftCalculator;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.engine.state.PriceBoard;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run did, read from the engine after its thread stopped: per portfolio the state at the first prices
 * (judged by the engine's own drift calculator on a fresh copy of the configured portfolio) and at the end, the
 * per-portfolio order tally, the engine counters and the run's totals; and the summary text for people.
 *
 * @param portfolios      one outcome per portfolio, in id order
 * @param engineCounters  the engine's fixed counters, by {@link EngineCounters} index
 * @param inputRejects    input rejections by {@link InputReject} ordinal
 * @param totals          the run as a whole
 * @param summary         the summary text
 */
record RunReport(List<PortfolioOutcome> portfolios, long[] engineCounters, long[] inputRejects, Totals totals,
                 String summary) {
    /** True when the run drained, nothing faulted and no order was lost. */
    boolean ok() {
        return totals.drained() && engineCounters[EngineCounters.FAULTS] == 0 && totals.agentError() == null
            && totals.lostOrders() == 0;
    }

    static RunReport of(final EngineConfig config, final Engine engine, final RunTally tally, final Totals totals,
        final long[] startBid, final long[] startAsk) {
        final long maxAge = config.settings().maxPriceAgeNanos();
        final PriceBoard startPrices = new PriceBoard(startBid.length);
        for (int id = 0; id < startBid.length; id++) {
            if (startBid[id] > 0) {
                startPrices.update(id, startBid[id], startAsk[id], 0, totals.firstTickTime());
            }
        }
        final DriftCalculator drift = new DriftCalculator();
        final List<PortfolioOutcome> outcomes = new ArrayList<>();
        for (final PortfolioSpec spec : config.portfolios()) {
            final Portfolio start = new Portfolio(spec);
            for (int slot = 0; slot < start.assets(); slot++) {
                if (startPrices.hasPrice(start.instrumentId(slot))) {
                    start.mark(slot, startPrices.mark(start.instrumentId(slot)));
                }
            }
            final DriftStatus startStatus = drift.evaluate(start, startPrices, totals.firstTickTime(), maxAge);
            final double startDrift = drift.portfolioDrift();
            final double startRatio = drift.ratio();
            final Portfolio end = engine.portfolio(spec.id());
            final DriftStatus endStatus = drift.evaluate(end, engine.prices(), engine.now(), maxAge);
            final List<AssetOutcome> assets = new ArrayList<>();
            final long total = end.totalValue();
            final long investable = total - (total > 0 ? Fixed.applyPpm(total, spec.cashBufferPpm()) : 0);
            for (int slot = 0; slot < end.assets(); slot++) {
                assets.add(new AssetOutcome(config.universe().get(end.instrumentId(slot)).symbol(),
                    start.settledQuantity(slot), end.settledQuantity(slot),
                    investable > 0 ? end.marketValue(slot) / (double)investable : 0, end.targetPpm(slot),
                    end.bandPpm(slot)));
            }
            outcomes.add(new PortfolioOutcome(spec.name(), startStatus, start.totalValue(), startDrift, startRatio,
                start.settledCash(), endStatus, total, drift.portfolioDrift(), drift.ratio(), end.settledCash(),
                end.openOrders(), List.copyOf(assets), tally.get(spec.id(), RunTally.REBALANCES),
                tally.get(spec.id(), RunTally.ORDERS_SENT), tally.get(spec.id(), RunTally.ORDERS_FILLED),
                tally.get(spec.id(), RunTally.ORDERS_UNFILLED), tally.get(spec.id(), RunTally.ORDERS_REJECTED),
                tally.get(spec.id(), RunTally.FILLS)));
        }
        final EngineCounters counters = engine.counters();
        final long[] fixed = new long[EngineCounters.fixedCounters()];
        for (int c = 0; c < fixed.length; c++) {
            fixed[c] = counters.get(c);
        }
        final InputReject[] reasons = InputReject.values();
        final long[] rejects = new long[reasons.length];
        for (final InputReject reason : reasons) {
            rejects[reason.ordinal()] = counters.rejects(reason);
        }
        final List<PortfolioOutcome> list = List.copyOf(outcomes);
        return new RunReport(list, fixed, rejects, totals,
            SummaryWriter.write(list, fixed, rejects, totals, config.settings().zone()));
    }

    /**
     * The run as a whole: how much was published, how long it took, what the venue did, what went wrong; with the
     * FIX venue, {@code fixSession} is the summary's line about the session (null with the paper venue).
     */
    record Totals(long ticks, long wallNanos, long firstTickTime, long lastTickTime, long seed, boolean stoppedEarly,
                  boolean drained, long venueOrders, long venueFills, long venueCancelled, long venueRefused,
                  long lostOrders, long droppedLines, Throwable agentError, String fixSession) {
    }

    /** One portfolio from start to end. Values and cash in micros, drifts as fractions. */
    record PortfolioOutcome(String name, DriftStatus startStatus, long startValue, double startDrift,
                            double startRatio, long startCash, DriftStatus endStatus, long endValue, double endDrift,
                            double endRatio, long endCash, int openOrders, List<AssetOutcome> assets, long rebalances,
                            long ordersSent, long ordersFilled, long ordersUnfilled, long ordersRejected, long fills) {
    }

    /** One holding at the end: quantity, weight of the investable value, target and band (ppm). */
    record AssetOutcome(String symbol, long startQuantity, long quantity, double weight, int targetPpm, int bandPpm) {
    }
}

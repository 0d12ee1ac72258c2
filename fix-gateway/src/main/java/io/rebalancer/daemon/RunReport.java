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
            && totals.venue().lost() == 0;
    }

    /**
     * @param startBook each portfolio as the run found it: the configuration's, or the book a journal recovered
     */
    static RunReport of(final EngineConfig config, final Engine engine, final RunTally tally, final Totals totals,
        final long[] startBid, final long[] startAsk, final List<Portfolio> startBook) {
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
            final Portfolio start = startBook.get(spec.id());
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
                end.openOrders(), List.copyOf(assets), orders(tally, spec.id())));
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

    private static OrderTally orders(final RunTally tally, final int portfolio) {
        return new OrderTally(tally.get(portfolio, RunTally.REBALANCES), tally.get(portfolio, RunTally.ORDERS_SENT),
            tally.get(portfolio, RunTally.ORDERS_REJECTED), tally.get(portfolio, RunTally.FILLS),
            tally.get(portfolio, RunTally.ORDERS_FILLED), tally.get(portfolio, RunTally.ORDERS_CANCELLED),
            tally.get(portfolio, RunTally.ORDERS_REFUSED), tally.get(portfolio, RunTally.ORDERS_EXPIRED),
            tally.get(portfolio, RunTally.CANCELS_REQUESTED), tally.get(portfolio, RunTally.REPLACES_REQUESTED));
    }

    /**
     * The run as a whole: how much was published, how long it took, what the venue did, how trading stopped
     * ({@code shutdown}, null when it never started), what went wrong.
     */
    record Totals(long ticks, long wallNanos, long firstTickTime, long lastTickTime, long seed, boolean stoppedEarly,
                  boolean drained, VenueTotals venue, long droppedLines, Throwable agentError,
                  StopTrading.Outcome shutdown, String journal, String market) {
    }

    /**
     * What the venue did.
     *
     * @param label   the summary line's label: {@code venue} (paper) or {@code fix}
     * @param line    the summary line: where orders went and what crossed
     * @param orders  new orders the venue received (paper) or the gateway sent over FIX
     * @param fills   trade reports the venue sent; -1 when it cannot tell (an external acceptor)
     * @param refused orders refused back (paper: book full; FIX: rejected by the venue or unsendable)
     * @param lost    orders that found the hand-off ring full; never expected
     */
    record VenueTotals(String label, String line, long orders, long fills, long refused, long lost) {
    }

    /** One portfolio from start to end. Values and cash in micros, drifts as fractions. */
    record PortfolioOutcome(String name, DriftStatus startStatus, long startValue, double startDrift,
                            double startRatio, long startCash, DriftStatus endStatus, long endValue, double endDrift,
                            double endRatio, long endCash, int openOrders, List<AssetOutcome> assets,
                            OrderTally orders) {
        long ordersFilled() {
            return orders.filled();
        }
    }

    /**
     * One portfolio's orders over the run: how many rebalances and orders, and how each order ended (filled,
     * cancelled, refused by the venue, expired); orders still working are {@link PortfolioOutcome#openOrders()}.
     */
    record OrderTally(long rebalances, long sent, long rejectedByRisk, long fills, long filled, long cancelled,
                      long refusedByVenue, long expired, long cancelsRequested, long replacesRequested) {
    }

    /** One holding at the end: quantity, weight of the investable value, target and band (ppm). */
    record AssetOutcome(String symbol, long startQuantity, long quantity, double weight, int targetPpm, int bandPpm) {
    }
}

package io.rebalancer.daemon;

import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.domain.Ppm;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Renders a {@link RunReport} as the end-of-run summary a person reads. */
final class SummaryWriter {
    private static final String NL = System.lineSeparator();

    private SummaryWriter() {
    }

    static String write(final List<RunReport.PortfolioOutcome> portfolios, final long[] counters,
        final long[] rejects, final RunReport.Totals totals, final ZoneId zone) {
        final StringBuilder out = new StringBuilder(4096);
        out.append(NL).append("==== summary ").append("=".repeat(70)).append(NL);
        final double seconds = totals.wallNanos() / 1e9;
        out.append(String.format(Locale.ROOT, "run      %s ticks in %.2f s wall (%s ticks/s), seed %d%s%n",
            Text.count(totals.ticks()), seconds, Text.count((long)(totals.ticks() / Math.max(seconds, 1e-9))),
            totals.seed(), totals.stoppedEarly() ? ", stopped early" : ""));
        out.append("simulated ").append(Text.time(totals.firstTickTime(), zone)).append(" .. ")
            .append(Text.time(totals.lastTickTime(), zone)).append(' ').append(zone).append(NL);
        for (final RunReport.PortfolioOutcome p : portfolios) {
            portfolio(out, p);
        }
        out.append(NL).append("engine   ");
        for (int c = 0; c < counters.length; c++) {
            out.append(c == 0 ? "" : c % 5 == 0 ? NL + "         " : ", ").append(EngineCounters.name(c)).append(' ')
                .append(Text.count(counters[c]));
        }
        out.append(NL).append("input rejects: ");
        boolean any = false;
        for (final InputReject reason : InputReject.values()) {
            if (rejects[reason.ordinal()] > 0) {
                out.append(any ? ", " : "").append(reason.name()).append(' ').append(rejects[reason.ordinal()]);
                any = true;
            }
        }
        out.append(any ? "" : "none").append(NL);
        if (totals.fixSession() != null) {
            out.append("fix      ").append(totals.fixSession()).append(NL);
        } else {
            out.append(String.format(Locale.ROOT, "venue    %s orders, %s fills, %s cancelled (unmarketable for %d "
                + "min of market time, or at the close), %s refused%n", Text.count(totals.venueOrders()),
                Text.count(totals.venueFills()), Text.count(totals.venueCancelled()),
                DemoRun.MAX_REST_NANOS / 60_000_000_000L, Text.count(totals.venueRefused())));
        }
        problems(out, counters, totals);
        return out.toString();
    }

    private static void portfolio(final StringBuilder out, final RunReport.PortfolioOutcome p) {
        out.append(NL).append(p.name()).append(NL);
        final double change = p.startValue() == 0 ? 0 : (double)(p.endValue() - p.startValue()) / p.startValue();
        out.append(String.format(Locale.ROOT, "  value        %16s -> %16s  (%+.2f%%)%n", Text.money(p.startValue()),
            Text.money(p.endValue()), change * 100));
        out.append(String.format(Locale.ROOT, "  cash         %16s -> %16s%n", Text.money(p.startCash()),
            Text.money(p.endCash())));
        out.append(String.format(Locale.ROOT, "  total drift  %16s -> %16s   drift ratio %s -> %s%s%n",
            judged(p.startStatus().name(), Text.percent(p.startDrift())),
            judged(p.endStatus().name(), Text.percent(p.endDrift())), Text.ratio(p.startRatio()),
            Text.ratio(p.endRatio()), p.endRatio() <= 1.0 ? "  (within bands)" : "  (OUTSIDE bands)"));
        out.append(String.format(Locale.ROOT, "  %-8s %12s %12s %9s %9s %9s%n", "asset", "held at start",
            "held now", "weight", "target", "band"));
        for (final RunReport.AssetOutcome a : p.assets()) {
            out.append(String.format(Locale.ROOT, "  %-8s %12s %12s %9s %9s %9s%n", a.symbol(),
                Text.count(a.startQuantity()), Text.count(a.quantity()), Text.percent(a.weight()),
                Ppm.formatPercent(a.targetPpm()), "+-" + Ppm.formatPercent(a.bandPpm())));
        }
        out.append(String.format(Locale.ROOT, "  orders       %d rebalances: %d sent, %d filled, %d unfilled "
            + "(cancelled), %d rejected by risk; %d fills; %d still open%n", p.rebalances(), p.ordersSent(),
            p.ordersFilled(), p.ordersUnfilled(), p.ordersRejected(), p.fills(), p.openOrders()));
    }

    private static String judged(final String status, final String drift) {
        return "OK".equals(status) ? drift : status;
    }

    private static void problems(final StringBuilder out, final long[] counters, final RunReport.Totals totals) {
        if (totals.droppedLines() > 0) {
            out.append("console  ").append(totals.droppedLines()).append(" report lines dropped (printer behind)")
                .append(NL);
        }
        if (totals.lostOrders() > 0) {
            out.append("!! ").append(totals.lostOrders()).append(" orders found the venue's ring full").append(NL);
        }
        if (!totals.drained()) {
            out.append("!! the run did not drain in time: some orders or events may be unaccounted for").append(NL);
        }
        if (counters[EngineCounters.FAULTS] > 0) {
            out.append("!! the engine faulted ").append(counters[EngineCounters.FAULTS])
                .append(" times and halted trading").append(NL);
        }
        if (totals.agentError() != null) {
            out.append("!! a venue or printer thread failed: ").append(totals.agentError()).append(NL);
        }
    }
}

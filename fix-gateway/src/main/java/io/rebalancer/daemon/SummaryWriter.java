package io.rebalancer.daemon;

import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.Ppm;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Renders a {@link RunReport} as the end-of-run summary a person reads. */
final class SummaryWriter {
    private static final String NL = System.lineSeparator();
    /** The engine counters wrap before this many characters, under the label's indent. */
    private static final int WIDTH = 110;
    private static final String INDENT = "         ";

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
        int lineStart = out.length() - INDENT.length();
        for (int c = 0; c < counters.length; c++) {
            final String counter = EngineCounters.name(c) + ' ' + Text.count(counters[c]);
            if (c > 0 && out.length() - lineStart + 2 + counter.length() > WIDTH) {
                out.append(',').append(NL).append(INDENT);
                lineStart = out.length() - INDENT.length();
            } else if (c > 0) {
                out.append(", ");
            }
            out.append(counter);
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
        out.append(String.format(Locale.ROOT, "%-8s %s%n", totals.venue().label(), totals.venue().line()));
        if (totals.market() != null) {
            out.append(String.format(Locale.ROOT, "%-8s %s%n", "market", totals.market()
                .replace(System.lineSeparator(), System.lineSeparator() + INDENT)));
        }
        if (totals.journal() != null) {
            out.append(String.format(Locale.ROOT, "%-8s %s%n", "journal", totals.journal()));
        }
        if (totals.shutdown() != null) {
            shutdown(out, totals.shutdown());
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
        final RunReport.OrderTally o = p.orders();
        out.append(String.format(Locale.ROOT, "  orders       %d rebalances: %d sent, %d rejected by risk; %d fills%n",
            o.rebalances(), o.sent(), o.rejectedByRisk(), o.fills()));
        out.append(String.format(Locale.ROOT, "  ended        %d filled, %d cancelled, %d rejected by the venue, "
            + "%d expired; %d still working%n", o.filled(), o.cancelled(), o.refusedByVenue(), o.expired(),
            p.openOrders()));
        out.append(String.format(Locale.ROOT, "  requests     %d cancels, %d replaces%n", o.cancelsRequested(),
            o.replacesRequested()));
    }

    /** How trading stopped, as {@code [orders] on-shutdown} asked. */
    private static void shutdown(final StringBuilder out, final StopTrading.Outcome s) {
        out.append("shutdown on-shutdown ").append(Text.words(s.policy())).append(": ");
        if (s.workingAtStop() == 0) {
            out.append("no order was working when trading stopped").append(NL);
        } else if (s.policy() == OrderPolicy.ShutdownOrders.LEAVE) {
            out.append(Text.count(s.workingLeft())).append(" orders left working at the venue").append(NL);
        } else if (s.refused()) {
            out.append("!! the engine refused the cancel command: ").append(Text.count(s.workingLeft()))
                .append(" orders left working at the venue").append(NL);
        } else if (s.timedOut()) {
            out.append("!! ").append(Text.count(s.workingLeft())).append(" of ").append(Text.count(s.workingAtStop()))
                .append(" working orders not confirmed cancelled within ").append(Text.duration(s.timeoutNanos()))
                .append(": check them at the venue").append(NL);
        } else {
            out.append(Text.count(s.workingAtStop())).append(" working orders cancelled (or finished first)")
                .append(NL);
        }
    }

    private static String judged(final String status, final String drift) {
        return "OK".equals(status) ? drift : status;
    }

    private static void problems(final StringBuilder out, final long[] counters, final RunReport.Totals totals) {
        if (totals.droppedLines() > 0) {
            out.append("console  ").append(totals.droppedLines()).append(" report lines dropped (printer behind)")
                .append(NL);
        }
        if (totals.venue().lost() > 0) {
            out.append("!! ").append(totals.venue().lost()).append(" orders found the venue's ring full").append(NL);
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

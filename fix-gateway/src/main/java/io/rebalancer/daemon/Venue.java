package io.rebalancer.daemon;

import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import org.agrona.ErrorHandler;

import java.util.function.BooleanSupplier;

/**
 * Where the daemon's orders go and their executions come from, as the run sees it: the in-process
 * {@link PaperVenue}, or a FIX session ({@link FixVenue}). {@link DemoRun} drives either through this, so it
 * never asks which one it has; {@link #of} is the one place that decides.
 * <p>
 * Lifecycle: built before the engine (which needs {@link #orderSink()}), {@link #start started} once the engine's
 * inbound ring exists, {@link #close closed} after the run. The queries are for other threads (the market, the
 * console printer, the shutdown path) and never block.
 */
interface Venue extends AutoCloseable {
    /** Chooses the venue the options ask for: FIX (the default) or the paper venue. */
    static Venue of(final DaemonOptions options, final EngineConfig config, final LatestQuotes quotes) {
        if (options.fixVenue()) {
            return new FixVenue(options.configDir(), options.fixSettings(), config.universe(),
                config.settings().orderCapacity(), quotes);
        }
        final long[] lots = new long[config.universe().size()];
        for (int id = 0; id < lots.length; id++) {
            lots[id] = config.universe().get(id).lotSize();
        }
        return new PaperVenue(config.settings().orderCapacity(), quotes, lots, PaperVenue.MAX_REST_NANOS);
    }

    /**
     * The journal holds the venue's reports up to this source sequence (FIX MsgSeqNum): before {@link #start}, asks
     * a venue that keeps its session across restarts to resend the rest. Nothing for a venue that starts afresh
     * with the daemon (the paper venue, the in-process simulator).
     */
    void resumeAfter(long lastSourceSequence);

    /** What the engine hands its orders, cancels and replaces to; called once, before the engine starts. */
    OrderSink orderSink();

    /**
     * Starts the venue's threads, execution reports going to {@code executions}, and waits (parking) until it
     * can trade.
     *
     * @param errors where a venue thread's unexpected exception goes
     * @param stop   polled while waiting: true gives up
     * @return false when it could not connect in time or {@code stop} was set; nothing was traded then
     */
    boolean start(InboundPublisher executions, ErrorHandler errors, BooleanSupplier stop);

    /**
     * Whether the venue has seen everything the engine handed it ({@code ordersSent} new orders by the engine's
     * count) and given it a first chance to fill. The market waits for this, so an order meets the market of its
     * own moment. True while a session is down: nothing more will be seen then.
     */
    boolean caughtUp(long ordersSent);

    /**
     * The run's market has closed: the venue may finish what it will never fill (the paper venue cancels its
     * resting orders; a real venue keeps them, as a FIX venue would until its own close).
     */
    void closeMarket();

    /**
     * Whether the venue has caught up and will do nothing more on its own: the paper venue once its book is empty
     * (after {@link #closeMarket()}); a FIX venue once caught up, as its resting orders only fill when quotes
     * move, and the market has stopped.
     */
    boolean idle(long ordersSent);

    /**
     * A few words for the status line, read on the printer's thread: "paper venue", "FIX logged on (1 logon)",
     * "FIX session DOWN (2 logons, 1 reconnects)".
     */
    String connection();

    /** What the venue did, for the summary. */
    RunReport.VenueTotals totals(boolean started);

    /** Stops the venue's threads (a FIX session logs out); idempotent. */
    @Override
    void close();
}

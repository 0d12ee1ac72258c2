package io.rebalancer.engine.core;

import com.lmax.disruptor.EventHandler;
import io.rebalancer.engine.domain.CalendarSpec;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.drift.DriftCalculator;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.drift.HolderIndex;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.FaultHandler;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.plan.RebalancePlanner;
import io.rebalancer.engine.risk.RiskGate;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.engine.state.PriceBoard;
import io.rebalancer.engine.time.ZoneOffsetTable;
import io.rebalancer.engine.trigger.CalendarSchedule;
import io.rebalancer.engine.trigger.PortfolioTrigger;
import io.rebalancer.engine.trigger.TriggerReason;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.rebalancer.engine.snapshot.SnapshotCodec.getBooleans;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getInts;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getLong;
import static io.rebalancer.engine.snapshot.SnapshotCodec.ints;
import static io.rebalancer.engine.snapshot.SnapshotCodec.longs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putBooleans;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putInts;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLong;

/**
 * The single-threaded, deterministic decision engine: the one owner of prices, portfolios and orders.
 * <p>
 * Per event it validates and books (a tick revalues the slots that hold the instrument, an execution moves
 * holdings and cash); at the end of each batch it judges drift once for each portfolio the batch touched and
 * lets the triggers decide. Time comes only from events. Nothing here allocates after construction, logs,
 * or touches another thread's objects: outputs leave through {@link OrderSink} and {@link EngineListener}.
 * <p>
 * Its whole state can be written to a {@link #snapshot} and restored into a new engine of the same configuration
 * ({@link #restore}), which then behaves exactly as this one would: crash recovery is the last snapshot plus the
 * journal's events after {@link #lastSequence()}. Each component writes and reads its own fields.
 */
public final class Engine implements EventHandler<InboundEvent>, FaultHandler {
    private static final TradingState[] TRADING_STATES = TradingState.values();
    private static final CancelReason[] CANCEL_REASONS = CancelReason.values();
    /** Execution ids remembered for de-duplication, at least: resends after a reconnect come within far fewer. */
    private static final int EXECUTION_ID_WINDOW = 65_536;

    private final long maxPriceAgeNanos;
    private final InstrumentUniverse universe;
    private final PriceBoard prices;
    private final Portfolio[] portfolios;
    private final PortfolioTrigger[] triggers;
    private final HolderIndex holders;
    private final DriftCalculator drift = new DriftCalculator();
    private final RiskGate risk;
    private final RebalanceDesk desk;
    private final ExecutionBook executions;
    private final OrderRequests requests;
    private final StatusRequests statusRequests;
    private final OrderTable table;
    private final ClientOrderIds ids;
    private final ExecutionIds executionIds;
    /**
     * Orders and requests the venue has not answered yet, as of the last batch; read by any thread. Not in a
     * snapshot: restore sets it from the order table and requests it restored.
     */
    private final AtomicLong awaitingVenue = new AtomicLong();
    private final RejectBackoff backoff;
    private final EngineListener listener;
    private final EngineCounters counters;
    private final int[] dirty;
    private final boolean[] isDirty;
    private final boolean[] manualRequested;
    private final SnapshotHeader snapshotHeader;
    private final int snapshotBytes;
    private int dirtyCount;
    private long now = Long.MIN_VALUE;
    private long nextReview = Long.MIN_VALUE;
    /** The input sequence of the event being handled or handled last; -1 before the first. */
    private long sequence = -1;

    public Engine(final EngineConfig config, final OrderSink orders, final EngineListener listener) {
        this.listener = listener;
        this.counters = new EngineCounters();
        maxPriceAgeNanos = config.settings().maxPriceAgeNanos();
        universe = config.universe();
        prices = new PriceBoard(universe.size());
        final int count = config.portfolios().size();
        portfolios = new Portfolio[count];
        triggers = new PortfolioTrigger[count];
        int maxAssets = 1;
        final Map<ZoneId, ZoneOffsetTable> zones = new HashMap<>();
        for (final PortfolioSpec spec : config.portfolios()) {
            portfolios[spec.id()] = new Portfolio(spec);
            final CalendarSpec calendar = spec.calendar();
            triggers[spec.id()] = new PortfolioTrigger(spec, calendar == null ? null
                : new CalendarSchedule(calendar, zones.computeIfAbsent(calendar.zone(), ZoneOffsetTable::of)));
            maxAssets = Math.max(maxAssets, spec.assets());
        }
        holders = new HolderIndex(universe.size(), portfolios);
        final ZoneOffsetTable zone = ZoneOffsetTable.of(config.settings().zone());
        risk = new RiskGate(config.risk(), universe.size(), zone);
        final int capacity = config.settings().orderCapacity();
        final OrderPolicy policy = config.orders();
        table = new OrderTable(capacity, count);
        ids = new ClientOrderIds(config.settings().firstClientOrderId());
        requests = new OrderRequests(table, portfolios, orders, listener, counters, ids, policy.maxOrderAgeNanos(),
            policy.requestTimeoutNanos());
        statusRequests = new StatusRequests(table, 2 * capacity, count, orders, counters,
            policy.requestTimeoutNanos());
        backoff = new RejectBackoff(count, policy.rejectBackoffNanos(), policy.maxRejectBackoffNanos());
        desk = new RebalanceDesk(new RebalancePlanner(universe, config.settings().limitCollarPpm(), maxAssets),
            risk, table, requests, prices, orders, listener, counters, ids, policy.workingOrders(), maxAssets,
            capacity);
        executionIds = new ExecutionIds(Math.max(EXECUTION_ID_WINDOW, 4 * capacity));
        executions = new ExecutionBook(table, portfolios, requests, statusRequests, backoff, executionIds, listener,
            counters);
        dirty = new int[count];
        isDirty = new boolean[count];
        manualRequested = new boolean[count];
        snapshotHeader = new SnapshotHeader(config, risk.rateWindow());
        snapshotBytes = snapshotHeader.length() + stateBytes();
    }

    @Override
    public void onEvent(final InboundEvent event, final long eventSequence, final boolean endOfBatch) {
        sequence = eventSequence;
        switch (event.type()) {
            case InboundEvent.TICK:
                onTick(event);
                break;
            case InboundEvent.EXECUTION:
                onExecution(event);
                break;
            case InboundEvent.TIMER:
                counters.increment(EngineCounters.TIMERS);
                if (event.timeNanos() < now) {
                    reject(InputReject.TIME_REGRESSION, event.timeNanos());
                } else {
                    advanceClock(event.timeNanos());
                }
                break;
            case InboundEvent.COMMAND:
                counters.increment(EngineCounters.COMMANDS);
                if (isValidCommand(event.command(), event.target(), event.argument())) {
                    advanceClock(event.timeNanos());
                    onCommand(event.command(), event.target(), event.argument());
                } else {
                    reject(InputReject.INVALID_COMMAND, event.command());
                }
                break;
            default:
                reject(InputReject.UNKNOWN_EVENT, event.type());
        }
        expireDeadlines();
        if (endOfBatch) {
            counters.increment(EngineCounters.BATCHES);
            evaluateDirty();
            awaitingVenue.lazySet(table.pendingNew() + requests.totalOut() + statusRequests.outstanding());
        }
    }

    private void onTick(final InboundEvent tick) {
        counters.increment(EngineCounters.TICKS);
        final int instrument = tick.instrumentId();
        final InputReject problem = TickValidator.validate(universe, prices, tick);
        if (problem != null) {
            reject(problem, instrument);
            return;
        }
        advanceClock(tick.timeNanos());
        prices.update(instrument, tick.bid(), tick.ask(), tick.last(), tick.timeNanos());
        final long mark = prices.mark(instrument);
        for (int row = holders.begin(instrument), end = holders.end(instrument); row < end; row++) {
            final int portfolioId = holders.portfolioAt(row);
            portfolios[portfolioId].mark(holders.slotAt(row), mark);
            markDirty(portfolioId);
        }
    }

    /** A refused input changes nothing, so it is checked before it may move the clock. */
    private void onExecution(final InboundEvent report) {
        counters.increment(EngineCounters.EXECUTIONS);
        final InputReject problem = executions.check(report);
        if (problem != null) {
            reject(problem, report.clientOrderId());
            return;
        }
        advanceClock(report.timeNanos());
        markDirty(executions.book(sequence, now, report));
    }

    private boolean isValidCommand(final int command, final int target, final long argument) {
        switch (command) {
            case Command.SET_TRADING_STATE:
                return argument >= 0 && argument < TRADING_STATES.length;
            case Command.REBALANCE_NOW:
                return target >= -1 && target < portfolios.length;
            case Command.REPORT_STATUS:
            case Command.RECONCILE:
                return true;
            case Command.CANCEL_ORDERS:
                return target >= -1 && target < portfolios.length && argument >= 0
                    && argument < CANCEL_REASONS.length;
            default:
                return false;
        }
    }

    private void onCommand(final int command, final int target, final long argument) {
        switch (command) {
            case Command.SET_TRADING_STATE:
                setTradingState(TRADING_STATES[(int)argument]);
                break;
            case Command.REBALANCE_NOW:
                for (int id = target < 0 ? 0 : target, last = target < 0 ? portfolios.length - 1 : target;
                    id <= last; id++) {
                    manualRequested[id] = true;
                    markDirty(id);
                }
                break;
            case Command.REPORT_STATUS:
                for (final Portfolio portfolio : portfolios) {
                    final DriftStatus status = drift.evaluate(portfolio, prices, now, maxPriceAgeNanos);
                    listener.onPortfolioStatus(sequence, now, portfolio.id(), status, portfolio.totalValue(),
                        portfolio.settledCash(), drift.ratio(), drift.portfolioDrift(), portfolio.openOrders());
                }
                break;
            case Command.CANCEL_ORDERS:
                requests.cancelAll(sequence, now, target, CANCEL_REASONS[(int)argument]);
                break;
            case Command.RECONCILE:
                statusRequests.askAll(now);
                break;
            default:
                break;
        }
    }

    /**
     * When trading resumes (a change to ACTIVE or REDUCING), every trigger is re-armed and every portfolio judged
     * again: a breach that came while HALTED was refused then, and must not wait for drift to grow further.
     */
    private void setTradingState(final TradingState state) {
        final TradingState previous = risk.tradingState();
        risk.tradingState(state);
        if (state != previous && state != TradingState.HALTED) {
            for (int id = 0; id < triggers.length; id++) {
                triggers[id].rearm();
                markDirty(id);
            }
        }
    }

    private void advanceClock(final long time) {
        if (time > now) {
            now = time;
        }
        if (now >= nextReview) {
            long earliest = Long.MAX_VALUE;
            for (int id = 0; id < triggers.length; id++) {
                if (triggers[id].advanceTo(now)) {
                    markDirty(id);
                }
                earliest = Math.min(earliest, triggers[id].nextReview());
            }
            nextReview = earliest;
        }
    }

    /**
     * Deadlines that passed with this event's time: orders past their maximum age are cancelled, requests the venue
     * never answered are given up, back-offs end. Run after the event is booked, never between a report's check and
     * its booking: a request given up in between would leave the report booked against a request that is gone.
     */
    private void expireDeadlines() {
        requests.cancelExpired(sequence, now);
        if (requests.giveUpUnanswered(sequence, now) | backoff.anyWaitEnded(now) | statusRequests.expire(now)) {
            for (int id = 0; id < portfolios.length; id++) {
                markDirty(id);
            }
        }
    }

    private void evaluateDirty() {
        for (int i = 0; i < dirtyCount; i++) {
            final int id = dirty[i];
            isDirty[id] = false;
            evaluate(id);
        }
        dirtyCount = 0;
    }

    private void evaluate(final int id) {
        counters.increment(EngineCounters.EVALUATIONS);
        final Portfolio portfolio = portfolios[id];
        final DriftStatus status = drift.evaluate(portfolio, prices, now, maxPriceAgeNanos);
        if (status != DriftStatus.OK) {
            if (status == DriftStatus.STALE_PRICE) {
                counters.increment(EngineCounters.STALE_SKIPS);
            }
            return;
        }
        if (requests.requestsOut(id) > 0 || backoff.isWaiting(id, now) || statusRequests.reconciling()) {
            // Judged again when the venue answers or the wait ends; a due review or manual request stays due. After
            // a restart nothing is planned until the venue said what became of the orders the engine held.
            counters.increment(EngineCounters.BACKOFF_SKIPS);
            return;
        }
        final PortfolioTrigger trigger = triggers[id];
        TriggerReason reason = trigger.decide(drift.ratio());
        if (manualRequested[id]) {
            manualRequested[id] = false;
            if (reason == TriggerReason.NONE) {
                reason = TriggerReason.MANUAL;
                trigger.fired(drift.ratio());
            }
        }
        if (reason != TriggerReason.NONE) {
            counters.increment(EngineCounters.REBALANCES);
            listener.onRebalanceTriggered(sequence, now, id, reason, drift.ratio(), drift.portfolioDrift());
            desk.rebalance(sequence, now, portfolio);
            if (drift.evaluate(portfolio, prices, now, maxPriceAgeNanos) == DriftStatus.OK) {
                trigger.afterRebalance(drift.ratio());
            }
        }
    }

    private void markDirty(final int portfolioId) {
        if (portfolioId >= 0 && !isDirty[portfolioId]) {
            isDirty[portfolioId] = true;
            dirty[dirtyCount++] = portfolioId;
        }
    }

    private void reject(final InputReject reason, final long subject) {
        counters.rejected(reason);
        listener.onInputRejected(sequence, now, reason, subject);
    }

    /**
     * Called by the pipeline's exception handler, on this thread, when an event threw: a bug, so stop trading
     * at once (HALTED) and keep booking what comes in, so no fill is lost while people look.
     */
    @Override
    public void onFault(final long faultSequence, final Throwable fault) {
        counters.increment(EngineCounters.FAULTS);
        risk.tradingState(TradingState.HALTED);
        dirtyCount = 0;
        java.util.Arrays.fill(isDirty, false);
        listener.onEngineFault(faultSequence, now, fault);
    }

    public EngineCounters counters() {
        return counters;
    }

    /** The engine's clock: the latest event time seen. */
    public long now() {
        return now;
    }

    /**
     * For tests and the end-of-run summary, from the engine thread or after it stopped. Its mutators belong to the
     * engine thread: anything else changes state through an event on the ring.
     */
    public Portfolio portfolio(final int id) {
        return portfolios[id];
    }

    public int portfolioCount() {
        return portfolios.length;
    }

    public TradingState tradingState() {
        return risk.tradingState();
    }

    public PriceBoard prices() {
        return prices;
    }

    /**
     * Orders not yet acknowledged (or filled or refused) and cancel/replace requests not yet answered, as of the end
     * of the last batch; any thread. A simulation that runs market time faster than the wall clock waits for this
     * to reach zero, so a venue's answer arrives at the market moment it belongs to.
     */
    public long awaitingVenue() {
        return awaitingVenue.get();
    }

    public int workingOrders() {
        return table.size();
    }

    /**
     * The input sequence of the last event the engine handled (-1 before the first): after a {@link #restore}, the
     * journal is replayed from the event after it.
     */
    public long lastSequence() {
        return sequence;
    }

    /**
     * Bytes a {@link #snapshot} of this engine takes at most, to allocate the buffer once. Today every snapshot of an
     * engine is exactly this long (every component writes fixed-size arrays), but only the bound is promised.
     */
    public int maxSnapshotBytes() {
        return snapshotBytes;
    }

    /**
     * Writes the engine's whole state at {@code offset}: a header ({@link SnapshotHeader}: magic, layout version,
     * length, checksum, the configuration's shape), then the engine's own fields and each component's. Call it on
     * the engine thread, between events, at the end of a batch: the journal replays whole batches, and the engine's
     * batch boundaries must fall where they fell. (The portfolios a batch has marked to be judged are written too,
     * so a snapshot taken between two events of one batch is complete as well.) Allocates nothing.
     *
     * @return the bytes written
     * @throws IllegalArgumentException when the buffer has fewer than {@link #maxSnapshotBytes()} bytes after
     *                                  {@code offset}
     */
    public int snapshot(final MutableDirectBuffer buffer, final int offset) {
        if (offset < 0 || buffer.capacity() - offset < snapshotBytes) {
            throw new IllegalArgumentException("a snapshot needs " + snapshotBytes + " bytes, the buffer has "
                + (buffer.capacity() - offset) + " after offset " + offset);
        }
        int at = snapshotHeader.writeTo(buffer, offset);
        at = writeOwnState(buffer, at);
        at = counters.writeTo(buffer, at);
        at = prices.writeTo(buffer, at);
        for (final Portfolio portfolio : portfolios) {
            at = portfolio.writeTo(buffer, at);
        }
        for (final PortfolioTrigger trigger : triggers) {
            at = trigger.writeTo(buffer, at);
        }
        at = risk.writeTo(buffer, at);
        at = table.writeTo(buffer, at);
        at = requests.writeTo(buffer, at);
        at = ids.writeTo(buffer, at);
        at = backoff.writeTo(buffer, at);
        at = executionIds.writeTo(buffer, at);
        at = statusRequests.writeTo(buffer, at);
        SnapshotHeader.seal(buffer, offset, at);
        return at - offset;
    }

    /**
     * Replaces the whole state with a {@link #snapshot} taken by an engine of the same configuration; the engine
     * then behaves exactly as that one would have, given the same events after it. Meant for a freshly built engine,
     * before its first event; call it on the thread that will run the engine, before the engine starts. The header
     * is checked first, so a snapshot that is truncated, damaged, of another layout version or laid out for another
     * configuration changes nothing. Allocates nothing when it succeeds.
     *
     * @throws IllegalArgumentException saying what does not fit ("snapshot has 3 portfolios, config has 2")
     */
    public void restore(final DirectBuffer buffer, final int offset, final int length) {
        int at = snapshotHeader.check(buffer, offset, length, snapshotBytes);
        at = readOwnState(buffer, at);
        at = counters.readFrom(buffer, at);
        at = prices.readFrom(buffer, at);
        for (final Portfolio portfolio : portfolios) {
            at = portfolio.readFrom(buffer, at);
        }
        for (final PortfolioTrigger trigger : triggers) {
            at = trigger.readFrom(buffer, at);
        }
        at = risk.readFrom(buffer, at);
        at = table.readFrom(buffer, at);
        at = requests.readFrom(buffer, at);
        at = ids.readFrom(buffer, at);
        at = backoff.readFrom(buffer, at);
        at = executionIds.readFrom(buffer, at);
        statusRequests.readFrom(buffer, at);
        awaitingVenue.lazySet(table.pendingNew() + requests.totalOut() + statusRequests.outstanding());
    }

    /** Bytes of the state after the header; the order is {@link #snapshot}'s. */
    private int stateBytes() {
        int bytes = longs(3) + ints(1 + dirty.length) + manualRequested.length;
        bytes += counters.snapshotBytes() + prices.snapshotBytes();
        for (final Portfolio portfolio : portfolios) {
            bytes += portfolio.snapshotBytes();
        }
        for (final PortfolioTrigger trigger : triggers) {
            bytes += trigger.snapshotBytes();
        }
        return bytes + risk.snapshotBytes() + table.snapshotBytes() + requests.snapshotBytes() + ids.snapshotBytes()
            + backoff.snapshotBytes() + executionIds.snapshotBytes() + statusRequests.snapshotBytes();
    }

    /**
     * The engine's own fields. Everything else the engine holds is configuration, or scratch that lives within one
     * event or one rebalance (the drift calculator's results, the desk's and planner's work arrays, the execution
     * book's found row). The portfolios still to be judged are written as the list; which are in it is rebuilt.
     */
    private int writeOwnState(final MutableDirectBuffer buffer, final int offset) {
        int at = putLong(buffer, offset, now);
        at = putLong(buffer, at, nextReview);
        at = putLong(buffer, at, sequence);
        at = putInt(buffer, at, dirtyCount);
        at = putInts(buffer, at, dirty);
        return putBooleans(buffer, at, manualRequested);
    }

    private int readOwnState(final DirectBuffer buffer, final int offset) {
        int at = offset;
        now = getLong(buffer, at);
        at += Long.BYTES;
        nextReview = getLong(buffer, at);
        at += Long.BYTES;
        sequence = getLong(buffer, at);
        at += Long.BYTES;
        dirtyCount = getInt(buffer, at);
        at = getInts(buffer, at + Integer.BYTES, dirty);
        java.util.Arrays.fill(isDirty, false);
        for (int i = 0; i < dirtyCount; i++) {
            isDirty[dirty[i]] = true;
        }
        return getBooleans(buffer, at, manualRequested);
    }
}

package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.EngineSettings;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.OrderPolicy.WorkingOrderPolicy;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.engine.trigger.TriggerReason;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.rebalancer.engine.core.Fixtures.SECOND;
import static io.rebalancer.engine.core.Fixtures.money;
import static io.rebalancer.engine.core.Fixtures.portfolio;
import static io.rebalancer.engine.core.LifecycleScenario.BUY;
import static io.rebalancer.engine.core.LifecycleScenario.REQUEST_TIMEOUT;
import static io.rebalancer.engine.core.LifecycleScenario.SELL;
import static io.rebalancer.engine.core.LifecycleScenario.SPY;
import static io.rebalancer.engine.core.LifecycleScenario.TLT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Snapshot and restore on scenarios written out by hand: what is in flight comes back (requests out, finished orders
 * still findable, forgotten request ids still forgotten, execution ids already booked, the next client order id),
 * and a snapshot that does not fit is refused with a message saying why, changing nothing. The random scenarios
 * are {@code reference.SnapshotDifferentialTest}'s.
 */
class EngineSnapshotTest {
    private static final long TIMED_OUT = REQUEST_TIMEOUT + SECOND;

    @Test
    void shouldRestoreRequestsOutFinishedOrdersAndForgottenIds() {
        final LifecycleScenario scenario = new LifecycleScenario();
        final OrderPolicy policy = LifecycleScenario.policy(0, WorkingOrderPolicy.KEEP, SECOND);
        final Driver driver = scenario.breached(policy);
        driver.report(SELL, 101, ExecType.TRADE, 48, money(124.90));
        driver.report(BUY, 102, ExecType.TRADE, 20, money(100.00));
        driver.command(Command.CANCEL_ORDERS, 0, CancelReason.OPERATOR.ordinal());
        // Cancel 3 goes unanswered, and so do 4 and 5 sent after it; for 6 the order has no room left but by
        // forgetting 3, the oldest cancel nothing waits for.
        driver.later(TIMED_OUT).timer().later(TIMED_OUT).timer().later(TIMED_OUT).timer();
        assertEquals(List.of(3L, 4L, 5L, 6L), scenario.out.cancels.stream().map(Recorder.Cancel::requestId).toList());

        final Recorder again = new Recorder();
        final Engine restored = new Engine(LifecycleScenario.config(policy), again, again);
        restored.restore(snapshotBuffer(scenario.engine), 0, scenario.engine.maxSnapshotBytes());

        assertSameState(scenario.engine, restored);
        assertEquals(1, restored.workingOrders());
        assertEquals(1, restored.awaitingVenue(), "cancel 6 is out");
        final List<Integer> marks = marks(scenario.out);
        final Driver original = driver;
        final Driver fork = driver.fork(restored);
        for (final Driver d : List.of(original, fork)) {
            d.report(3, 103, ExecType.CANCELED, 0, 0);
            d.report(SELL, 104, ExecType.TRADE, 2, money(124.90));
            d.report(BUY, 102, ExecType.TRADE, 20, money(100.00));
            d.report(4, 105, ExecType.CANCELED, 0, 0);
            d.report(6, 106, ExecType.CANCELED, 0, 0);
            d.later(SECOND).quote(SPY, 150);
        }

        assertEquals(since(marks, scenario.out), lists(again), "the restored engine went on as the original did");
        assertEquals(List.of(new Recorder.Rejected(fork.time() - SECOND, InputReject.UNKNOWN_ORDER, 3),
            new Recorder.Rejected(fork.time() - SECOND, InputReject.OVERFILL, SELL),
            new Recorder.Rejected(fork.time() - SECOND, InputReject.DUPLICATE_EXECUTION, BUY),
            new Recorder.Rejected(fork.time() - SECOND, InputReject.ORDER_FINISHED, 6)), again.rejects,
            "3 stays forgotten, finished order 1 is still found, execution 102 is still booked, order 2 has finished");
        assertEquals(List.of(new Recorder.Fill(SELL, 0, 2, money(124.90), 0)), again.fills, "a late fill");
        assertEquals(List.of(new Recorder.Closed(BUY, 0, ExecType.CANCELED, 39)), again.closed,
            "cancel 4, given up but not forgotten, still closes order 2");
        assertEquals(7, again.orders.get(0).clientOrderId(), "ids go on after the last one used before the snapshot");
        assertSameState(scenario.engine, restored);
    }

    @Test
    void shouldRestoreThePortfoliosABatchStillHasToJudge() {
        final LifecycleScenario scenario = new LifecycleScenario();
        final Driver driver = scenario.start(OrderPolicy.KEEP_WORKING);
        final Recorder again = new Recorder();
        final Engine restored = new Engine(LifecycleScenario.config(OrderPolicy.KEEP_WORKING), again, again);
        final List<Driver> fork = new ArrayList<>();
        // The operator's request and the breach are booked, but judged only at the end of the batch.
        driver.batch(() -> {
            driver.command(Command.REBALANCE_NOW, 0, 0).quote(TLT, 100.5);
            restored.restore(snapshotBuffer(scenario.engine), 0, scenario.engine.maxSnapshotBytes());
            fork.add(driver.fork(restored));
        });
        fork.get(0).timer();

        assertEquals(List.of(TriggerReason.MANUAL),
            again.triggers.stream().map(Recorder.Triggered::reason).toList());
        assertEquals(scenario.out.triggers, again.triggers);
        assertEquals(scenario.out.orders, again.orders);
        assertSameState(scenario.engine, restored);
    }

    @Test
    void shouldTellTheLastInputSequenceToReplayTheJournalFrom() {
        final LifecycleScenario scenario = new LifecycleScenario();
        final Engine fresh = new Engine(LifecycleScenario.config(OrderPolicy.KEEP_WORKING), new Recorder(),
            new Recorder());
        assertEquals(-1, fresh.lastSequence(), "no event yet");

        scenario.start(OrderPolicy.KEEP_WORKING).timer().timer();
        assertEquals(3, scenario.engine.lastSequence(), "two quotes and two timers: inputs 0 to 3");
        fresh.restore(snapshotBuffer(scenario.engine), 0, scenario.engine.maxSnapshotBytes());
        assertEquals(3, fresh.lastSequence());
    }

    @Test
    void shouldRefuseASnapshotOfAnotherShapeSayingWhatDiffers() {
        final EngineConfig config = twoPortfolios(Fixtures.settings(), Fixtures.generousRisk(4), 4, 2);
        final Engine engine = new Engine(config, new Recorder(), new Recorder());
        new Driver(engine).quote(0, 100).quote(1, 100).quote(2, 100).quote(3, 50);
        final UnsafeBuffer snapshot = snapshotBuffer(engine);
        final int length = engine.maxSnapshotBytes();

        assertRefused("snapshot has 2 portfolios, config has 1", Fixtures.config(4,
            portfolio("a").asset(0, 100, 50, 5).asset(1, 100, 50, 5)), snapshot, length);
        assertRefused("snapshot has 4 instruments, config has 5",
            twoPortfolios(Fixtures.settings(), Fixtures.generousRisk(5), 5, 2), snapshot, length);
        final EngineSettings base = Fixtures.settings();
        assertRefused("snapshot has an order capacity of 256, config has 8", twoPortfolios(new EngineSettings(
            base.ringSize(), base.waitStrategy(), base.maxPriceAgeNanos(), 8, base.firstClientOrderId(),
            base.limitCollarPpm(), base.zone()), Fixtures.generousRisk(4), 4, 2), snapshot, length);
        final RiskLimits risk = Fixtures.generousRisk(4);
        assertRefused("snapshot has a risk limit of 1000000 orders per second, config has 5",
            twoPortfolios(base, new RiskLimits(risk.maxOrderQuantity(), risk.maxOrderNotional(), risk.priceCollarPpm(),
                5, risk.maxNotionalPerDay(), risk.restricted(), risk.initialState()), 4, 2), snapshot, length);
        assertRefused("snapshot has portfolio 1 with 2 assets, config has 3", Fixtures.config(4,
            portfolio("a").asset(0, 100, 50, 5).asset(1, 100, 50, 5),
            portfolio("b").asset(2, 10, 40, 5).asset(3, 10, 30, 5).asset(0, 10, 30, 5)), snapshot, length);
        assertRefused("snapshot has portfolio 1 slot 1 on instrument 3, config has 0",
            twoPortfolios(base, risk, 4, 0), snapshot, length);
    }

    @Test
    void shouldRefuseATruncatedOrDamagedSnapshotChangingNothing() {
        final LifecycleScenario scenario = new LifecycleScenario();
        scenario.breached(OrderPolicy.KEEP_WORKING);
        final EngineConfig config = LifecycleScenario.config(OrderPolicy.KEEP_WORKING);
        final int length = scenario.engine.maxSnapshotBytes();

        assertRefused("snapshot truncated: it is " + length + " bytes long, the buffer holds " + (length - 1), config,
            snapshotBuffer(scenario.engine), length - 1);
        assertRefused("snapshot truncated: 12 bytes, its header alone takes 20", config,
            snapshotBuffer(scenario.engine), 12);
        final UnsafeBuffer damaged = snapshotBuffer(scenario.engine);
        damaged.putByte(length / 2, (byte)(damaged.getByte(length / 2) ^ 1));
        assertRefused("snapshot corrupt: its " + length + " bytes do not match its checksum", config, damaged,
            length);
        final UnsafeBuffer newer = snapshotBuffer(scenario.engine);
        newer.putInt(SnapshotHeader.VERSION_OFFSET, SnapshotHeader.VERSION + 1);
        assertRefused("snapshot layout version " + (SnapshotHeader.VERSION + 1) + ", this engine reads version "
            + SnapshotHeader.VERSION, config, newer, length);
        assertRefused("not an engine snapshot: it starts with 0x0, a snapshot with 0x4e534252", config,
            new UnsafeBuffer(new byte[length]), length);
    }

    @Test
    void shouldRefuseToSnapshotIntoABufferTooSmall() {
        final LifecycleScenario scenario = new LifecycleScenario();
        scenario.start(OrderPolicy.KEEP_WORKING);
        final int length = scenario.engine.maxSnapshotBytes();

        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> scenario.engine.snapshot(new UnsafeBuffer(new byte[length]), 1));
        assertEquals("a snapshot needs " + length + " bytes, the buffer has " + (length - 1) + " after offset 1",
            refused.getMessage());
    }

    /** Two portfolios on four or five instruments; the second's slot 1 holds {@code lastInstrument}. */
    private static EngineConfig twoPortfolios(final EngineSettings settings, final RiskLimits risk,
        final int instruments, final int lastInstrument) {
        final int last = lastInstrument == 2 ? 3 : lastInstrument;
        return Fixtures.config(settings, risk, instruments,
            portfolio("a").asset(0, 100, 50, 5).asset(1, 100, 50, 5),
            portfolio("b").asset(2, 10, 60, 5).asset(last, 10, 40, 5));
    }

    /** Restoring into an engine of {@code config} fails with {@code message}, and the engine is left as it was. */
    private static void assertRefused(final String message, final EngineConfig config, final UnsafeBuffer snapshot,
        final int length) {
        final Engine engine = new Engine(config, new Recorder(), new Recorder());
        final byte[] before = snapshotBytes(engine);
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> engine.restore(snapshot, 0, length));
        assertEquals(message, refused.getMessage());
        assertArrayEquals(before, snapshotBytes(engine), "a refused snapshot changes nothing");
    }

    private static UnsafeBuffer snapshotBuffer(final Engine engine) {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[engine.maxSnapshotBytes()]);
        assertEquals(engine.maxSnapshotBytes(), engine.snapshot(buffer, 0));
        return buffer;
    }

    private static byte[] snapshotBytes(final Engine engine) {
        return snapshotBuffer(engine).byteArray().clone();
    }

    /** The same state byte for byte, and what the engine shows of it. */
    private static void assertSameState(final Engine expected, final Engine actual) {
        assertArrayEquals(snapshotBytes(expected), snapshotBytes(actual));
        assertEquals(expected.now(), actual.now());
        assertEquals(expected.lastSequence(), actual.lastSequence());
        assertEquals(expected.tradingState(), actual.tradingState());
        assertEquals(expected.workingOrders(), actual.workingOrders());
        for (int id = 0; id < expected.portfolioCount(); id++) {
            final Portfolio p = expected.portfolio(id);
            final Portfolio q = actual.portfolio(id);
            assertEquals(p.settledCash(), q.settledCash());
            assertEquals(p.totalValue(), q.totalValue());
            assertEquals(p.openOrders(), q.openOrders());
            for (int slot = 0; slot < p.assets(); slot++) {
                assertEquals(p.settledQuantity(slot), q.settledQuantity(slot));
                assertEquals(p.effectiveQuantity(slot), q.effectiveQuantity(slot));
            }
        }
        for (int counter = 0; counter < EngineCounters.fixedCounters(); counter++) {
            assertEquals(expected.counters().get(counter), actual.counters().get(counter),
                EngineCounters.name(counter));
        }
        for (final InputReject reason : InputReject.values()) {
            assertEquals(expected.counters().rejects(reason), actual.counters().rejects(reason), reason.name());
        }
    }

    private static List<List<?>> lists(final Recorder recorder) {
        return List.of(recorder.orders, recorder.rejects, recorder.triggers, recorder.riskRejects, recorder.fills,
            recorder.closed, recorder.statuses, recorder.cancels, recorder.replaces, recorder.states,
            recorder.statusRequests, recorder.cancelRequests, recorder.faults);
    }

    private static List<Integer> marks(final Recorder recorder) {
        return lists(recorder).stream().map(List::size).toList();
    }

    /** What the recorder got since {@link #marks}. */
    private static List<List<?>> since(final List<Integer> marks, final Recorder recorder) {
        final List<List<?>> lists = lists(recorder);
        final List<List<?>> tails = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            tails.add(lists.get(i).subList(marks.get(i), lists.get(i).size()));
        }
        return tails;
    }
}

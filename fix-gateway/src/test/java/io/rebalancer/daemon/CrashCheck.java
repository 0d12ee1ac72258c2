package io.rebalancer.daemon;

import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.journaling.Replay;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.venue.VenueCounters;
import io.rebalancer.venue.VenueFill;
import io.rebalancer.venue.VenueOrder;
import io.rebalancer.venue.VenueSimulator;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end of a crash scenario ({@link CrashRecoverySystemTest}) against the venue's truth: the journal replays to its
 * own decisions, and the book it holds is the configured one moved by exactly the venue's executed fills, with
 * nothing working, no ClOrdID offered twice and no id used twice.
 */
final class CrashCheck {
    private final Path journal;
    private final EngineConfig config;
    private final VenueSimulator venue;
    private final List<String> log;
    private final JournalBook book;

    /** @param log what each run of the scenario did, for failure messages */
    CrashCheck(final Path journal, final EngineConfig config, final VenueSimulator venue, final List<String> log) {
        this.journal = journal;
        this.config = config;
        this.venue = venue;
        this.log = log;
        book = JournalBook.read(journal, config);
    }

    /**
     * @param runs           the daemon processes the scenario started: each may have opened a session
     * @param orderNeverSent whether an order was journaled and never sent, which recovery must close as such
     * @return what the engine counted that recovery is about, for the test's output
     */
    String all(final int runs, final boolean orderNeverSent) {
        final Replay.Outcome replay = Replay.run(journal, null);
        assertTrue(replay.identical(), () -> "the journal does not replay to its own decisions: "
            + replay.difference() + context());
        final Engine engine = replay.engine();
        assertNotNull(engine, context());
        assertTrue(book.sessionStarts.size() <= runs, () -> "one session per run at most" + context());
        noIdTwice();
        final Book expected = expectedBook();
        final Book held = heldBook(engine);
        assertEquals(expected.holdings(), held.holdings(), () -> "the journal's holdings are not what the venue"
            + " filled" + context());
        final String cashOff = sameCash(expected, held, engine.counters().get(EngineCounters.RECONCILED_FILLS));
        assertEquals(0, engine.workingOrders(), () -> "orders still working after the clean stop" + context());
        if (orderNeverSent) {
            assertTrue(engine.counters().get(EngineCounters.ORDERS_NEVER_SENT) > 0,
                () -> "the order journaled but never sent was closed as never sent" + context());
        }
        assertEquals(0, engine.counters().get(EngineCounters.FAULTS), () -> "engine faults" + context());
        return "cash off the venue's by (micros):" + cashOff + "; " + counts(engine.counters());
    }

    /**
     * The cash of each portfolio is what the venue's fills make it. A fill learnt from an order status answer is booked
     * at the price that makes the venue's average price (truncated to the micro on the wire) true, rounded to the
     * micro: its cash can be off by less than a micro per unit the order filled. Every other fill has its exact price.
     *
     * @return how far each portfolio's cash is off, in micros
     */
    private String sameCash(final Book expected, final Book held, final long learnt) {
        final StringBuilder offs = new StringBuilder();
        for (int p = 0; p < expected.cash().length; p++) {
            final long tolerance = learnt == 0 ? 0 : 2 * expected.units()[p];
            final long off = held.cash()[p] - expected.cash()[p];
            offs.append(' ').append(off);
            final int portfolio = p;
            assertTrue(Math.abs(off) <= tolerance, () -> "cash of " + config.portfolios().get(portfolio).name()
                + ": held " + Fixed.format(held.cash()[portfolio]) + ", the venue's fills make it "
                + Fixed.format(expected.cash()[portfolio]) + " (" + learnt + " fills learnt from status answers)"
                + context());
        }
        return offs.toString();
    }

    /** What the engine counted that recovery is about. */
    private static String counts(final EngineCounters counters) {
        final StringBuilder s = new StringBuilder("engine:");
        for (final int counter : new int[] {EngineCounters.ORDERS_SENT, EngineCounters.FILLS,
            EngineCounters.CANCELS_SENT, EngineCounters.REPLACES_SENT, EngineCounters.STATUS_REQUESTS_SENT,
            EngineCounters.RECONCILED_FILLS, EngineCounters.ORDERS_NEVER_SENT, EngineCounters.STATUS_UNANSWERED,
            EngineCounters.LATE_FILLS, EngineCounters.REQUEST_TIMEOUTS}) {
            s.append(' ').append(EngineCounters.name(counter)).append(' ').append(counters.get(counter));
        }
        for (final InputReject reason : InputReject.values()) {
            if (counters.rejects(reason) > 0) {
                s.append(", rejected ").append(reason).append(' ').append(counters.rejects(reason));
            }
        }
        return s.toString();
    }

    /** No ClOrdID twice at the venue, none reused by the daemon, every order the venue has journaled first. */
    private void noIdTwice() {
        final VenueCounters c = venue.counters();
        assertEquals(0, c.get(VenueCounters.DUPLICATE_ORDERS), () -> "ClOrdIDs offered twice" + context());
        assertEquals(0, c.get(VenueCounters.POSS_DUPS_IGNORED), () -> "orders resent" + context());
        final Set<String> seen = new HashSet<>();
        for (final VenueOrder order : venue.receivedOrders()) {
            assertTrue(seen.add(order.clOrdId()), () -> "ClOrdID " + order.clOrdId() + " twice" + context());
            final JournalBook.Order journaled = book.orders.get(Long.parseLong(order.clOrdId()));
            assertNotNull(journaled, () -> "order " + order.clOrdId() + " reached the venue unjournaled"
                + context());
            assertEquals(journaled.quantity(), order.quantity(), () -> "order " + order.clOrdId() + context());
        }
        final Set<Long> used = new HashSet<>();
        for (final long id : book.idsUsed) {
            assertTrue(used.add(id), () -> "id " + id + " used twice by the daemon" + context());
        }
    }

    /**
     * A book as text, and its cash.
     *
     * @param holdings per portfolio, the quantity of each of its instruments, one line each
     * @param cash     per portfolio id, in micros
     * @param units    per portfolio id, the units its orders filled
     */
    private record Book(String holdings, long[] cash, long[] units) {
    }

    /** Per portfolio and instrument: the configured holdings moved by the venue's fills; and each cash. */
    private Book expectedBook() {
        final int portfolios = config.portfolios().size();
        final long[][] quantities = new long[portfolios][];
        final long[] cash = new long[portfolios];
        final long[] units = new long[portfolios];
        for (final PortfolioSpec spec : config.portfolios()) {
            quantities[spec.id()] = spec.quantities().clone();
            cash[spec.id()] = spec.cash();
        }
        for (final VenueFill fill : venue.executedFills()) {
            final JournalBook.Order order = book.orders.get(Long.parseLong(fill.clOrdId()));
            assertNotNull(order, () -> "the venue filled order " + fill.clOrdId() + ", which the journal lacks"
                + context());
            final int p = order.portfolio();
            final boolean buy = fill.side() == quickfix.field.Side.BUY;
            assertEquals(order.side() == Side.BUY, buy, () -> "side of " + fill + context());
            quantities[p][slotOf(config.portfolios().get(p), order.instrument())] += buy
                ? fill.quantity() : -fill.quantity();
            final long notional = Fixed.multiply(fill.quantity(), fill.price());
            cash[p] = buy ? Fixed.subtract(cash[p], notional) : Fixed.add(cash[p], notional);
            units[p] += fill.quantity();
        }
        return new Book(holdings(quantities), cash, units);
    }

    private Book heldBook(final Engine engine) {
        final int portfolios = config.portfolios().size();
        final long[][] quantities = new long[portfolios][];
        final long[] cash = new long[portfolios];
        for (final PortfolioSpec spec : config.portfolios()) {
            final Portfolio portfolio = engine.portfolio(spec.id());
            quantities[spec.id()] = new long[spec.assets()];
            for (int slot = 0; slot < spec.assets(); slot++) {
                quantities[spec.id()][slot] = portfolio.settledQuantity(slot);
            }
            cash[spec.id()] = portfolio.settledCash();
        }
        return new Book(holdings(quantities), cash, new long[portfolios]);
    }

    private String holdings(final long[][] quantities) {
        final StringBuilder s = new StringBuilder();
        for (final PortfolioSpec spec : config.portfolios()) {
            s.append(spec.name()).append(':');
            for (int slot = 0; slot < spec.assets(); slot++) {
                s.append(' ').append(config.universe().get(spec.instrumentIds()[slot]).symbol())
                    .append(' ').append(quantities[spec.id()][slot]);
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static int slotOf(final PortfolioSpec spec, final int instrument) {
        for (int slot = 0; slot < spec.assets(); slot++) {
            if (spec.instrumentIds()[slot] == instrument) {
                return slot;
            }
        }
        throw new AssertionError("instrument " + instrument + " is not in portfolio " + spec.name());
    }

    /** What happened, for a failure message: the runs, the venue, and the journal without its ticks. */
    String context() {
        return "\n" + String.join("\n", log) + "\nvenue fills: " + venue.executedFills() + "\njournal:\n"
            + book.withoutTicks();
    }
}

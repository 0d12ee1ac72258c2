package io.rebalancer.engine.plan;

import io.rebalancer.engine.domain.CalendarFrequency;
import io.rebalancer.engine.domain.CalendarSpec;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.engine.state.PriceBoard;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a portfolio, its instruments and a price board for planner tests. Slot k trades instrument k; money is
 * in micros. Each quoted slot is also marked in the portfolio at the board's mark, as the engine does on a tick.
 */
final class PlanFixture {
    static final long UNIT = 1_000_000L;
    static final long CENT = 10_000L;

    private final List<Instrument> instruments = new ArrayList<>();
    private final List<long[]> quotes = new ArrayList<>();
    private final List<Long> staleMarks = new ArrayList<>();
    private final List<Long> quantities = new ArrayList<>();
    private final List<Integer> targets = new ArrayList<>();
    private final List<Integer> bands = new ArrayList<>();
    private long cash;
    private int cashBufferPpm;
    private long minTradeNotional;
    private int portfolioBandPpm;
    private int hysteresisPpm;
    private PlannerMode mode = PlannerMode.TO_TARGET;
    private TriggerKind trigger = TriggerKind.THRESHOLD;

    /** Adds a slot with a 1-cent tick, its holding, target weight and absolute band. */
    PlanFixture asset(final long lot, final long quantity, final int targetPpm, final int bandPpm) {
        return asset(CENT, lot, quantity, targetPpm, bandPpm);
    }

    PlanFixture asset(final long tick, final long lot, final long quantity, final int targetPpm, final int bandPpm) {
        final int id = instruments.size();
        instruments.add(new Instrument(id, "I" + id, tick, lot, Long.MAX_VALUE));
        quotes.add(null);
        staleMarks.add(0L);
        quantities.add(quantity);
        targets.add(targetPpm);
        bands.add(bandPpm);
        return this;
    }

    /** Quotes the slot's instrument: bid, ask and last in micros (0 = not quoted). */
    PlanFixture quote(final int slot, final long bid, final long ask, final long last) {
        quotes.set(slot, new long[] {bid, ask, last});
        return this;
    }

    /** Quotes every slot at {@code bid}/{@code ask}. */
    PlanFixture quoteAll(final long bid, final long ask) {
        for (int k = 0; k < quotes.size(); k++) {
            quote(k, bid, ask, 0);
        }
        return this;
    }

    /** Marks the slot in the portfolio at {@code price} without quoting it on the board (a price since withdrawn). */
    PlanFixture staleMark(final int slot, final long price) {
        staleMarks.set(slot, price);
        return this;
    }

    PlanFixture cash(final long micros) {
        cash = micros;
        return this;
    }

    PlanFixture cashBuffer(final int ppm) {
        cashBufferPpm = ppm;
        return this;
    }

    PlanFixture minTradeNotional(final long micros) {
        minTradeNotional = micros;
        return this;
    }

    PlanFixture portfolioBand(final int ppm) {
        portfolioBandPpm = ppm;
        return this;
    }

    PlanFixture hysteresis(final int ppm) {
        hysteresisPpm = ppm;
        return this;
    }

    PlanFixture mode(final PlannerMode plannerMode) {
        mode = plannerMode;
        return this;
    }

    /** A calendar trigger, which allows slots without a band. */
    PlanFixture calendar() {
        trigger = TriggerKind.CALENDAR;
        return this;
    }

    Built build() {
        final int n = instruments.size();
        final int[] ids = new int[n];
        final long[] held = new long[n];
        final int[] weights = new int[n];
        final int[] absolute = new int[n];
        for (int k = 0; k < n; k++) {
            ids[k] = k;
            held[k] = quantities.get(k);
            weights[k] = targets.get(k);
            absolute[k] = bands.get(k);
        }
        final CalendarSpec calendarSpec = trigger.hasCalendar()
            ? new CalendarSpec(CalendarFrequency.DAILY, 1, 1, 1, 0, ZoneOffset.UTC) : null;
        final PortfolioSpec spec = new PortfolioSpec(0, "test", cash, ids, held, weights, absolute, new int[n],
            portfolioBandPpm, hysteresisPpm, cashBufferPpm, minTradeNotional, mode, trigger, calendarSpec);
        final Portfolio portfolio = new Portfolio(spec);
        final PriceBoard prices = new PriceBoard(n);
        for (int k = 0; k < n; k++) {
            final long[] quote = quotes.get(k);
            if (staleMarks.get(k) != 0) {
                portfolio.mark(k, staleMarks.get(k));
            }
            if (quote != null) {
                prices.update(k, quote[0], quote[1], quote[2], 1);
                portfolio.mark(k, prices.mark(k));
            }
        }
        return new Built(new InstrumentUniverse(instruments), portfolio, prices);
    }

    /** What a test plans from. */
    record Built(InstrumentUniverse universe, Portfolio portfolio, PriceBoard prices) {
    }

    /** One planned order, for exact list assertions. */
    record Order(int slot, byte side, long quantity, long limitPrice, long referencePrice) {
    }

    static List<Order> orders(final TradePlan plan) {
        final List<Order> orders = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            orders.add(new Order(plan.slot(i), plan.side(i), plan.quantity(i), plan.limitPrice(i),
                plan.referencePrice(i)));
        }
        return orders;
    }

    /** Books every order of the plan as open, as the engine does for orders the risk gate accepts. */
    static void bookAll(final Portfolio portfolio, final TradePlan plan) {
        for (int i = 0; i < plan.size(); i++) {
            portfolio.orderOpened(plan.slot(i), plan.side(i), plan.quantity(i), plan.limitPrice(i));
        }
    }
}

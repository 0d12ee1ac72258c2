package io.rebalancer.daemon;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.core.OrderState;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.trigger.TriggerReason;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.MessageHandler;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The printing half of the console output: an agent on its own thread that decodes {@link ConsoleReporter}'s
 * records, resolves ids to the configured portfolio names and symbols, and prints one readable line per event
 * (a small table for a status report, headed by the venue's connection state and the order counts so far).
 * Output is buffered and flushed whenever the ring runs dry, so a burst costs one write, and a quiet engine still
 * shows its lines at once.
 */
final class ConsolePrinter implements Agent, MessageHandler {
    private static final InputReject[] INPUT_REJECTS = InputReject.values();
    private static final TriggerReason[] TRIGGER_REASONS = TriggerReason.values();
    private static final RiskVerdict[] VERDICTS = RiskVerdict.values();
    private static final DriftStatus[] DRIFT_STATUSES = DriftStatus.values();
    private static final CancelReason[] CANCEL_REASONS = CancelReason.values();
    private static final OrderState[] ORDER_STATES = OrderState.values();
    private static final int RECORDS_PER_CYCLE = 256;
    private static final String INDENT = "  ";

    private final ConsoleReporter reporter;
    private final PrintStream out;
    private final ZoneId zone;
    private final Supplier<String> connection;
    private final String[] portfolioNames;
    private final String[] symbols;
    private final String nameFormat;
    private final StringBuilder prices = new StringBuilder(256);
    private long droppedShown;
    private boolean unflushed;

    /** @param connection the venue's connection state in a few words, read whenever a status is printed */
    ConsolePrinter(final ConsoleReporter reporter, final EngineConfig config, final PrintStream out,
        final Supplier<String> connection) {
        this.reporter = reporter;
        this.out = out;
        this.connection = connection;
        zone = config.settings().zone();
        portfolioNames = new String[config.portfolios().size()];
        int width = 9;
        for (int i = 0; i < portfolioNames.length; i++) {
            portfolioNames[i] = config.portfolios().get(i).name();
            width = Math.max(width, portfolioNames[i].length());
        }
        nameFormat = "%-" + width + "s";
        symbols = new String[config.universe().size()];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = config.universe().get(i).symbol();
        }
    }

    @Override
    public String roleName() {
        return "console-printer";
    }

    @Override
    public int doWork() {
        final int work = reporter.ring().read(this, RECORDS_PER_CYCLE);
        final long dropped = reporter.dropped();
        if (dropped != droppedShown) {
            out.println("  .. " + (dropped - droppedShown) + " report lines dropped: the printer fell behind");
            droppedShown = dropped;
            unflushed = true;
        }
        if (work == 0 && unflushed) {
            out.flush();
            unflushed = false;
        }
        return work;
    }

    /** Prints whatever is still in the ring; runs on the agent thread when the runner closes. */
    @Override
    public void onClose() {
        while (reporter.ring().read(this) > 0) {
            unflushed = true;
        }
        doWork();
        out.flush();
    }

    @Override
    public void onMessage(final int type, final MutableDirectBuffer buffer, final int index, final int length) {
        unflushed = true;
        final String time = Text.time(buffer.getLong(index + ConsoleReporter.TIME), zone);
        final int portfolio = buffer.getInt(index + ConsoleReporter.PORTFOLIO);
        final int code = buffer.getInt(index + ConsoleReporter.CODE);
        final long a = buffer.getLong(index + ConsoleReporter.A);
        final long b = buffer.getLong(index + ConsoleReporter.B);
        final long c = buffer.getLong(index + ConsoleReporter.C);
        switch (type) {
            case ConsoleReporter.REBALANCE:
                line(time, portfolio, "REBALANCE " + Text.words(TRIGGER_REASONS[code]) + "  drift ratio "
                    + Text.ratio(buffer.getDouble(index + ConsoleReporter.D)) + "  total drift "
                    + Text.percent(buffer.getDouble(index + ConsoleReporter.E)));
                break;
            case ConsoleReporter.ORDER_SENT:
                line(time, portfolio, INDENT + "-> order " + a + " " + order(buffer, index, code, b) + " limit "
                    + Fixed.format(c));
                break;
            case ConsoleReporter.ORDER_REJECTED:
                line(time, portfolio, INDENT + "!! order rejected by risk: "
                    + VERDICTS[buffer.getInt(index + ConsoleReporter.EXTRA)].name() + " "
                    + order(buffer, index, code, b) + " limit " + Fixed.format(c));
                break;
            case ConsoleReporter.PLANNED:
                line(time, portfolio, INDENT + "   planned: " + code + " sent, "
                    + buffer.getInt(index + ConsoleReporter.EXTRA) + " rejected by risk");
                break;
            case ConsoleReporter.FILL:
                line(time, portfolio, INDENT + "<- fill " + a + " " + order(buffer, index, code, b) + " @ "
                    + Fixed.format(c) + " (leaves " + buffer.getLong(index + ConsoleReporter.D) + ")");
                break;
            case ConsoleReporter.CLOSED:
                if (code != ExecType.TRADE) {
                    line(time, portfolio, INDENT + "xx order " + a + " " + ExecType.name(code) + ", " + b
                        + " unfilled");
                }
                break;
            default:
                onOtherMessage(type, buffer, index, time, portfolio, code, a);
        }
    }

    private void onOtherMessage(final int type, final MutableDirectBuffer buffer, final int index, final String time,
        final int portfolio, final int code, final long a) {
        switch (type) {
            case ConsoleReporter.COUNTS_RECORD:
                counts(buffer, index, time);
                break;
            case ConsoleReporter.STATUS:
                status(buffer, index, time, portfolio, code, a);
                break;
            case ConsoleReporter.PRICE:
                price(buffer.getInt(index + ConsoleReporter.INSTRUMENT), a);
                break;
            case ConsoleReporter.CANCEL_REQUESTED:
                line(time, portfolio, INDENT + "-> cancel order " + buffer.getLong(index + ConsoleReporter.D)
                    + " (request " + a + "): " + Text.words(CANCEL_REASONS[code]));
                break;
            case ConsoleReporter.REPLACE_REQUESTED:
                line(time, portfolio, INDENT + "-> replace order " + buffer.getLong(index + ConsoleReporter.D)
                    + " (request " + a + "): total " + buffer.getLong(index + ConsoleReporter.B) + " limit "
                    + Fixed.format(buffer.getLong(index + ConsoleReporter.C)));
                break;
            case ConsoleReporter.INPUT_REJECTED:
                final InputReject reason = INPUT_REJECTS[code];
                out.println(time + "  !! input rejected: " + reason.name() + " (" + reason.description()
                    + "), subject " + a);
                break;
            case ConsoleReporter.FAULT:
                out.println(time + "  !! ENGINE FAULT at input " + buffer.getLong(index + ConsoleReporter.SEQUENCE)
                    + ": trading HALTED: " + reporter.lastFault());
                break;
            default:
                out.println(time + "  ?? unknown report record type " + type);
        }
    }

    private void status(final MutableDirectBuffer buffer, final int index, final String time, final int portfolio,
        final int code, final long value) {
        if (portfolio == 0) {
            out.println(String.format(Locale.ROOT, "  " + nameFormat + " %16s %16s %11s %7s %7s  %s", "portfolio",
                "value", "settled cash", "total drift", "ratio", "working", "status"));
        }
        out.println(String.format(Locale.ROOT, "  " + nameFormat + " %16s %16s %11s %7s %7d  %s",
            name(portfolio), Text.money(value), Text.money(buffer.getLong(index + ConsoleReporter.B)),
            Text.percent(buffer.getDouble(index + ConsoleReporter.E)),
            Text.ratio(buffer.getDouble(index + ConsoleReporter.D)), buffer.getInt(index + ConsoleReporter.EXTRA),
            DRIFT_STATUSES[code].name()));
    }

    /**
     * The status header: the venue's connection now, and the order counts as of the status's moment, with the
     * order states reached that were: {@code ; reached: new 12, filled 10}.
     */
    private void counts(final MutableDirectBuffer buffer, final int index, final String time) {
        final StringBuilder text = new StringBuilder(160).append("  orders: ")
            .append(count(buffer, index, ConsoleReporter.SENT)).append(" sent, ")
            .append(count(buffer, index, ConsoleReporter.FILLS)).append(" fills, ")
            .append(count(buffer, index, ConsoleReporter.CANCELS)).append(" cancels and ")
            .append(count(buffer, index, ConsoleReporter.REPLACES)).append(" replaces requested");
        boolean any = false;
        for (final OrderState state : ORDER_STATES) {
            final long n = count(buffer, index, ConsoleReporter.reached(state));
            if (n > 0) {
                text.append(any ? ", " : "; states reached: ").append(Text.words(state)).append(' ').append(n);
                any = true;
            }
        }
        out.println(time + "  STATUS  " + connection.get());
        out.println(text);
    }

    private static long count(final MutableDirectBuffer buffer, final int index, final int count) {
        return buffer.getLong(index + ConsoleReporter.COUNTS_AT + count * Long.BYTES);
    }

    private void price(final int instrument, final long mark) {
        if (instrument == 0) {
            prices.setLength(0);
            prices.append("  prices");
        }
        prices.append("  ").append(symbol(instrument)).append(' ').append(mark > 0 ? Fixed.format(mark) : "-");
        if (instrument == symbols.length - 1) {
            out.println(prices);
        }
    }

    private String order(final MutableDirectBuffer buffer, final int index, final int side, final long quantity) {
        return Side.name((byte)side) + " " + quantity + " " + symbol(buffer.getInt(index + ConsoleReporter.INSTRUMENT));
    }

    private void line(final String time, final int portfolio, final String text) {
        out.println(time + "  " + String.format(Locale.ROOT, nameFormat, name(portfolio)) + "  " + text);
    }

    private String name(final int portfolio) {
        return portfolio >= 0 && portfolio < portfolioNames.length ? portfolioNames[portfolio] : "#" + portfolio;
    }

    private String symbol(final int instrument) {
        return instrument >= 0 && instrument < symbols.length ? symbols[instrument] : "#" + instrument;
    }
}

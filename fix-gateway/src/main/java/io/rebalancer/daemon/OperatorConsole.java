package io.rebalancer.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Locale;

/**
 * Operator commands typed on the daemon's standard input, one per line, read on a thread of their own:
 * {@code release SYMBOL} (or {@code release all}) lets a price the market-data edge holds as a jump through, when
 * the operator knows the move is real; {@code market} prints the market data's counts and latest bad ticks;
 * {@code help} lists them. The end of the input ends the console, not the daemon (a daemon started without a
 * terminal reads an empty input).
 */
final class OperatorConsole implements Runnable {
    static final String HELP = "commands: release SYMBOL | release all (let a held price jump through),"
        + " market (market data counts), help";

    private final InputStream in;
    private final PrintStream out;
    private final DemoRun run;

    OperatorConsole(final InputStream in, final PrintStream out, final DemoRun run) {
        this.in = in;
        this.out = out;
        this.run = run;
    }

    /** Starts reading on a daemon thread. */
    void start() {
        final Thread thread = new Thread(this, "rebalancer-console");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                final String answer = execute(line);
                if (answer != null) {
                    out.println(answer);
                    out.flush();
                }
            }
        } catch (final IOException ex) {
            out.println("console: standard input failed (" + ex.getMessage() + "); commands are off");
            out.flush();
        }
    }

    /** One command line's answer for the operator; null for a blank line. */
    String execute(final String line) {
        final String[] words = line.trim().split("\\s+");
        if (words[0].isEmpty()) {
            return null;
        }
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "release":
                return words.length == 2 ? "console: " + run.releaseHeld(words[1])
                    : "console: release needs one symbol, or all";
            case "market":
                return run.marketStatus();
            case "help":
                return HELP;
            default:
                return "console: unknown command '" + words[0] + "'; " + HELP;
        }
    }
}

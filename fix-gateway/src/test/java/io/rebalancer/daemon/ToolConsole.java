package io.rebalancer.daemon;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs one of the daemon's command-line tools and keeps what it printed, each run's output replacing the last. */
final class ToolConsole {
    /** A tool's {@code run(args, out, err)}: {@link JournalTool#run}, {@link ReplayTool#run}. */
    interface Tool {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private final Tool tool;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    ToolConsole(final Tool tool) {
        this.tool = tool;
    }

    /** @return the tool's exit status */
    int run(final String... args) {
        out.reset();
        err.reset();
        return tool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    List<String> lines() {
        return out().lines().toList();
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

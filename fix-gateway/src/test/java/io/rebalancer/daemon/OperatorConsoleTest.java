package io.rebalancer.daemon;

import io.rebalancer.engine.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatorConsoleTest {
    private static DemoRun paperRun() throws Exception {
        final DaemonOptions options = DaemonOptions.parse("--config", Path.of("..", "config").toString(), "--venue",
            "paper", "--no-journal", "--quiet");
        return new DemoRun(ConfigLoader.load(options.configDir()), options,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), UnaryOperator.identity());
    }

    @Test
    void shouldReleaseHeldPricesAndReportTheMarketData() throws Exception {
        final OperatorConsole console = new OperatorConsole(System.in, System.out, paperRun());
        assertNull(console.execute("   "));
        assertEquals(OperatorConsole.HELP, console.execute("help"));
        assertEquals("console: a held price of SPY goes through with the feed's next tick (if one is held)",
            console.execute("release SPY"));
        assertEquals("console: any held price of every instrument goes through with the feed's next tick",
            console.execute("RELEASE all"));
        assertEquals("console: no instrument XYZ in the config", console.execute("release XYZ"));
        assertEquals("console: release needs one symbol, or all", console.execute("release"));
        assertTrue(console.execute("market").startsWith("market data: 0 received, 0 good, 0 refused"),
            console.execute("market"));
        assertTrue(console.execute("sell everything").startsWith("console: unknown command 'sell'"));
    }

    @Test
    void shouldAnswerEachLineOfItsInputUntilItEnds() throws Exception {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new OperatorConsole(new ByteArrayInputStream("help\n\nrelease TLT\n".getBytes(StandardCharsets.UTF_8)),
            new PrintStream(printed, true, StandardCharsets.UTF_8), paperRun()).run();
        assertEquals(OperatorConsole.HELP + System.lineSeparator()
            + "console: a held price of TLT goes through with the feed's next tick (if one is held)"
            + System.lineSeparator(), printed.toString(StandardCharsets.UTF_8));
    }
}

package io.rebalancer.fix;

import io.rebalancer.benchmarks.harness.LoopbackFix;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.MemoryStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@link LoopbackGateway}'s venue in a JVM of its own: the acceptor on the port given, answering nothing. Prints
 * {@value #READY} once it listens; then each line {@value #ASK} on its standard input is answered with the next
 * MsgSeqNum it expects from the gateway, one line. Stops at the end of its standard input (its parent closed it, or
 * died).
 */
public final class LoopbackVenue {
    static final String READY = "ready";
    static final String ASK = "expected";

    private LoopbackVenue() {
    }

    public static void main(final String[] args) throws ConfigError, IOException {
        final SessionSettings settings = LoopbackGateway.venueSettings(Integer.parseInt(args[0]));
        final SocketAcceptor acceptor = new SocketAcceptor(new LoopbackGateway.Counterparty(),
            new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings), new DefaultMessageFactory());
        acceptor.start();
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        out.println(READY);
        final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (ASK.equals(line)) {
                final Session session = Session.lookupSession(LoopbackFix.VENUE);
                out.println(session == null ? 1 : session.getExpectedTargetNum());
            }
        }
        acceptor.stop(true);
    }
}

package io.rebalancer.venue;

import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.MessageStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A FIX 4.4 venue on a QuickFIX/J {@link SocketAcceptor} that fills orders at the touch of {@link LatestQuotes}
 * (see {@link VenueAgent} for the rules). Decoding happens on QuickFIX/J's thread, matching and reporting on
 * the venue's own agent thread, which sleeps a millisecond when idle. QuickFIX/J logs through SLF4J, quiet at
 * the default warn level.
 */
public final class VenueSimulator implements AutoCloseable {
    private final VenueApplication application;
    private final VenueAgent agent;
    private final AgentRunner runner;
    private final SocketAcceptor acceptor;

    /**
     * @param settings     the acceptor session(s)
     * @param stores       where QuickFIX/J keeps sequence numbers
     * @param quotes       the touch to fill at
     * @param universe     the instruments, by the ids of {@code quotes}: symbols to match orders, lots to split fills
     * @param partialFills fill each order of two lots or more in two parts (see {@link FillRules#firstPartial})
     */
    public VenueSimulator(final SessionSettings settings, final MessageStoreFactory stores, final LatestQuotes quotes,
        final InstrumentUniverse universe, final boolean partialFills) {
        final Map<String, Integer> instruments = new HashMap<>();
        final long[] lots = new long[universe.size()];
        for (int id = 0; id < universe.size(); id++) {
            instruments.put(universe.get(id).symbol(), id);
            lots[id] = universe.get(id).lotSize();
        }
        application = new VenueApplication(instruments);
        agent = new VenueAgent(application.inbox(), quotes, lots, partialFills);
        runner = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null, agent);
        try {
            acceptor = new SocketAcceptor(application, stores, settings, new SLF4JLogFactory(settings),
                new DefaultMessageFactory());
        } catch (final ConfigError ex) {
            throw new IllegalArgumentException("venue FIX settings: " + ex.getMessage(), ex);
        }
    }

    /** Starts matching and listening. */
    public void start() {
        AgentRunner.startOnThread(runner);
        try {
            acceptor.start();
        } catch (final ConfigError ex) {
            runner.close();
            throw new IllegalArgumentException("venue FIX settings: " + ex.getMessage(), ex);
        }
    }

    /** Every NewOrderSingle received so far, in arrival order; any thread. */
    public List<VenueOrder> receivedOrders() {
        return new ArrayList<>(application.received());
    }

    /** Orders received and matched at least once (see {@link VenueAgent#ordersProcessed()}); any thread. */
    public long ordersProcessed() {
        return agent.ordersProcessed();
    }

    /** Trade reports sent so far; any thread. */
    public long fills() {
        return agent.fills();
    }

    /** Whether any session is logged on; any thread. */
    @Override
    public void close() {
        acceptor.stop();
        runner.close();
    }
}

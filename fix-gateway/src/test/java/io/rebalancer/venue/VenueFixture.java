package io.rebalancer.venue;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.field.MsgType;

import java.util.List;

/**
 * A venue simulator on a free loopback port with one test client logged on to it, over a two-instrument market:
 * SPY quoted 100.00 / 100.02 and TLT 50.00 / 50.02, one unit lots.
 */
final class VenueFixture implements AutoCloseable {
    static final int SPY = 0;
    static final int TLT = 1;
    static final String SPY_BID = "100";
    static final String SPY_ASK = "100.02";
    static final InstrumentUniverse UNIVERSE = new InstrumentUniverse(List.of(
        new Instrument(SPY, "SPY", 10_000, 1, 100_000_000_000L),
        new Instrument(TLT, "TLT", 10_000, 1, 100_000_000_000L)));

    final LatestQuotes quotes = new LatestQuotes(2);
    final int port = TestSessions.freePort();
    final VenueSimulator venue;
    VenueTestClient client;

    VenueFixture(final VenueBehaviour behaviour, final String... beginStrings) {
        this(behaviour, null, null, beginStrings.length == 0 ? new String[] {"FIX.4.4"} : beginStrings);
    }

    private VenueFixture(final VenueBehaviour behaviour, final String username, final String password,
        final String[] beginStrings) {
        quotes.update(SPY, Fixed.parse(SPY_BID), Fixed.parse(SPY_ASK), 0);
        quotes.update(TLT, Fixed.parse("50"), Fixed.parse("50.02"), 0);
        final SessionSettings settings = VenueTestClient.acceptor(port, beginStrings);
        if (username != null) {
            for (final String beginString : beginStrings) {
                final SessionID session = VenueTestClient.venueSession(beginString);
                settings.setString(session, VenueApplication.KEY_USERNAME, username);
                settings.setString(session, VenueApplication.KEY_PASSWORD, password);
            }
        }
        venue = new VenueSimulator(settings, new MemoryStoreFactory(), quotes, UNIVERSE, behaviour);
        venue.start();
    }

    /** A FIX 4.4 venue that admits only a Logon carrying these credentials (553/554). */
    static VenueFixture withCredentials(final String username, final String password) {
        return new VenueFixture(VenueBehaviour.DEFAULT, username, password, new String[] {"FIX.4.4"});
    }

    /** Starts a 4.4 client and waits for its logon. */
    VenueTestClient logOn() throws InterruptedException {
        return logOn("FIX.4.4");
    }

    VenueTestClient logOn(final String beginString) throws InterruptedException {
        return client(beginString).start().awaitLogon();
    }

    /** A client of this venue, not started yet; closed with the fixture. */
    VenueTestClient client(final String beginString) {
        client = new VenueTestClient(beginString, port);
        return client;
    }

    static String type(final Message message) throws FieldNotFound {
        return message.getHeader().getString(MsgType.FIELD);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        venue.close();
    }
}

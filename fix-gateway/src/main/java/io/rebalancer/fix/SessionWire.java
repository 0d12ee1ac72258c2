package io.rebalancer.fix;

import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;

/**
 * The production {@link OrderWire}: the session {@link FixSessionAdapter} saw log on. The QuickFIX/J
 * {@link Session} and the dialect are looked up once per logon, not per message.
 */
final class SessionWire implements OrderWire {
    private final FixSessionAdapter adapter;
    private SessionID cachedId;
    private Session session;
    private int cachedDialect;

    SessionWire(final FixSessionAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public int dialect() {
        final SessionID id = adapter.loggedOnSession();
        if (id == null) {
            return OFFLINE;
        }
        if (!id.equals(cachedId)) {
            session = Session.lookupSession(id);
            cachedDialect = OrderMessages.dialect(id.getBeginString());
            cachedId = id;
        }
        return session != null && session.isLoggedOn() ? cachedDialect : OFFLINE;
    }

    @Override
    public boolean send(final Message message) {
        return session.send(message);
    }
}

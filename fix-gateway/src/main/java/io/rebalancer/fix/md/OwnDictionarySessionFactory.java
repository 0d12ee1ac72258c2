package io.rebalancer.fix.md;

import quickfix.ConfigError;
import quickfix.DataDictionary;
import quickfix.DefaultDataDictionaryProvider;
import quickfix.MessageUtils;
import quickfix.Session;
import quickfix.SessionFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

/**
 * Creates the market-data session with a private copy of its data dictionary that accepts RptSeq (83) in snapshots
 * and increments. QuickFIX/J's FIX 4.4 and 4.2 dictionaries do not list RptSeq in 35=W or 35=X (FIX 5.0 added it
 * there), so a validating session would reject every numbered update.
 * <p>
 * Why not the {@code AllowUnknownMsgFields=Y} setting: QuickFIX/J 2.3 keeps one dictionary object per dictionary
 * path for the whole JVM and applies each session's validation keys to that shared object, so setting it for this
 * session would silently relax the order gateway's session in the same process too. The copy made here allows
 * fields unknown to a message (tags below 5000) for this session only; every other check (required fields, formats,
 * values, group structure) stays on.
 */
final class OwnDictionarySessionFactory implements SessionFactory {
    private final SessionFactory delegate;

    OwnDictionarySessionFactory(final SessionFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Session create(final SessionID sessionId, final SessionSettings settings) throws ConfigError {
        final Session session = delegate.create(sessionId, settings);
        if (session.isUsingDataDictionary()
            && session.getDataDictionaryProvider() instanceof DefaultDataDictionaryProvider provider) {
            final String beginString = sessionId.getBeginString();
            final DataDictionary own = new DataDictionary(provider.getSessionDataDictionary(beginString));
            own.setAllowUnknownMessageFields(true);
            provider.addTransportDictionary(beginString, own);
            provider.addApplicationDictionary(MessageUtils.toApplVerID(beginString), own);
        }
        return session;
    }
}

package io.rebalancer.fix;

import quickfix.ConfigError;
import quickfix.FieldConvertError;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.util.Iterator;

/**
 * The gateway's own keys in the QuickFIX/J settings file, beside QuickFIX/J's (which ignores keys it does not
 * know), read and checked once at start:
 * <ul>
 *   <li>{@value #MAX_MESSAGES_PER_SECOND}: orders plus cancel and replace requests leaving per second, 0 or absent
 *   for unlimited ({@link SendRateLimit}).</li>
 *   <li>{@value #USERNAME} and {@value #PASSWORD}: put on our Logon as tags 553 and 554 when set. (QuickFIX/J
 *   2.3's generic {@code LogonTag=553=user} and {@code LogonTag1=554=secret} would work too; named keys read
 *   better.) The password is never logged: {@link PasswordMaskingLogFactory}.</li>
 * </ul>
 * The gateway runs exactly one initiator session, which must be FIX.4.4 or FIX.4.2.
 */
final class GatewaySettings {
    static final String MAX_MESSAGES_PER_SECOND = "MaxMessagesPerSecond";
    static final String USERNAME = "Username";
    static final String PASSWORD = "Password";

    final SessionID session;
    final int maxMessagesPerSecond;
    final String username;
    final String password;

    private GatewaySettings(final SessionID session, final int maxMessagesPerSecond, final String username,
        final String password) {
        this.session = session;
        this.maxMessagesPerSecond = maxMessagesPerSecond;
        this.username = username;
        this.password = password;
    }

    /** @throws IllegalArgumentException naming the key and the fix, for any setting the gateway cannot use */
    static GatewaySettings read(final SessionSettings settings) {
        final Iterator<SessionID> sessions = settings.sectionIterator();
        if (!sessions.hasNext()) {
            throw new IllegalArgumentException("FIX session settings: no [SESSION]; the gateway needs exactly one");
        }
        final SessionID session = sessions.next();
        if (sessions.hasNext()) {
            throw new IllegalArgumentException("FIX session settings: more than one [SESSION]; the gateway runs one");
        }
        OrderMessages.dialect(session.getBeginString());
        try {
            final long rate = settings.isSetting(session, MAX_MESSAGES_PER_SECOND)
                ? settings.getLong(session, MAX_MESSAGES_PER_SECOND) : 0;
            if (rate < 0 || rate > SendRateLimit.MAX_PER_SECOND) {
                throw new IllegalArgumentException("FIX session settings: " + MAX_MESSAGES_PER_SECOND + "=" + rate
                    + ": use 0 (unlimited) to " + SendRateLimit.MAX_PER_SECOND);
            }
            return new GatewaySettings(session, (int)rate, optional(settings, session, USERNAME),
                optional(settings, session, PASSWORD));
        } catch (final ConfigError | FieldConvertError ex) {
            throw new IllegalArgumentException("FIX session settings: " + MAX_MESSAGES_PER_SECOND
                + " must be a whole number of messages per second: " + ex.getMessage(), ex);
        }
    }

    private static String optional(final SessionSettings settings, final SessionID session, final String key)
        throws ConfigError, FieldConvertError {
        if (!settings.isSetting(session, key)) {
            return null;
        }
        final String value = settings.getString(session, key);
        return value.isEmpty() ? null : value;
    }
}

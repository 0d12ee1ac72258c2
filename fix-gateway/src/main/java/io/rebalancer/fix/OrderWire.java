package io.rebalancer.fix;

import quickfix.Message;

/**
 * Where the gateway agent sends what it builds: the logged-on QuickFIX/J session in production, a recorder in
 * tests. Called only from the gateway agent's thread.
 */
interface OrderWire {
    /** No session is logged on: nothing can be sent. */
    int OFFLINE = 0;
    /** A FIX 4.2 session is logged on: build {@code quickfix.fix42} messages. */
    int FIX42 = 42;
    /** A FIX 4.4 session is logged on: build {@code quickfix.fix44} messages. */
    int FIX44 = 44;

    /** @return {@link #OFFLINE}, {@link #FIX42} or {@link #FIX44}, as of now */
    int dialect();

    /** @return whether QuickFIX/J took the message; false if the session went down meanwhile */
    boolean send(Message message);
}

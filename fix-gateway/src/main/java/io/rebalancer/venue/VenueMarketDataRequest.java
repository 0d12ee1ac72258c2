package io.rebalancer.venue;

import quickfix.SessionID;

/**
 * What the QuickFIX/J thread and the venue's owner hand to the market-data agent, in arrival order: a decoded
 * MarketDataRequest (35=V), a request refused while decoding, the end of a session, or an injected fault.
 */
sealed interface VenueMarketDataRequest {
    /**
     * SubscriptionRequestType 0 (snapshot) or 1 (snapshot and updates).
     *
     * @param updates     type 1: keep sending increments after the snapshots
     * @param instruments the instrument id of each symbol, each once
     * @param entryTypes  the MDEntryTypes asked for, as {@link VenueMarketDataAgent#BID} ... bits
     */
    record Subscribe(SessionID session, String requestId, boolean updates, int[] instruments, int entryTypes)
        implements VenueMarketDataRequest {
    }

    /** SubscriptionRequestType 2: stop the subscription with this MDReqID. */
    record Unsubscribe(SessionID session, String requestId) implements VenueMarketDataRequest {
    }

    /** A request the venue cannot serve: answered with a MarketDataRequestReject (35=Y). */
    record Refused(SessionID session, String requestId, char reason, String text) implements VenueMarketDataRequest {
    }

    /** The session logged out or dropped: its subscriptions end, a new logon subscribes afresh. */
    record SessionEnded(SessionID session) implements VenueMarketDataRequest {
    }

    /** Fault for tests: an increment of the instrument whose bid entry has no MDEntryPx. */
    record MissingPrice(int instrument) implements VenueMarketDataRequest {
    }
}

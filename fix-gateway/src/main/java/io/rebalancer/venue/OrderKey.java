package io.rebalancer.venue;

import quickfix.SessionID;

/** A ClOrdID within its session: ids are unique per session, not across the venue. */
record OrderKey(SessionID session, String clOrdId) {
}

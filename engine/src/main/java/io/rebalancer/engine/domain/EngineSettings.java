package io.rebalancer.engine.domain;

import java.time.ZoneId;

/**
 * Engine-wide settings.
 *
 * @param ringSize            slots in the inbound ring, a power of two
 * @param waitStrategy        how the engine thread waits for events
 * @param maxPriceAgeNanos    a price older than this (in event time) is stale and blocks decisions
 * @param orderCapacity       most child orders working at once
 * @param firstClientOrderId  the first client order id this run assigns
 * @param limitCollarPpm      how far through the touch a marketable limit is priced, in ppm of the touch
 * @param zone                the zone that defines a trading day for daily limits
 */
public record EngineSettings(int ringSize, WaitStrategyKind waitStrategy, long maxPriceAgeNanos, int orderCapacity,
                             long firstClientOrderId, int limitCollarPpm, ZoneId zone) {
    public EngineSettings {
        if (ringSize <= 0 || Integer.bitCount(ringSize) != 1 || waitStrategy == null || maxPriceAgeNanos <= 0
            || orderCapacity <= 0 || firstClientOrderId <= 0 || limitCollarPpm < 0 || limitCollarPpm > Ppm.ONE
            || zone == null) {
            throw new IllegalArgumentException("invalid engine settings");
        }
    }
}

package io.rebalancer.engine.reference;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.trigger.TriggerReason;

/**
 * One decision, as the engine reports it through its listener and order sink and as the reference model
 * reports it. Both sides append these to one ordered log, and the logs must agree entry by entry. Exact
 * fields must be equal; the drift figures (doubles in the engine, exact fractions in the reference) must agree
 * to {@link #DRIFT_TOLERANCE} relative, as they only describe a decision the exact fields already pin down.
 */
sealed interface Output permits Output.InputRejected, Output.Triggered, Output.OrderSent, Output.RiskRejected,
    Output.Planned, Output.Filled, Output.Closed, Output.Status, Output.CancelSent, Output.ReplaceSent {
    double DRIFT_TOLERANCE = 1e-9;

    /** Equal, with drift figures compared to {@link #DRIFT_TOLERANCE}. */
    default boolean sameAs(final Output other) {
        return equals(other);
    }

    static boolean close(final double a, final double b) {
        return Math.abs(a - b) <= DRIFT_TOLERANCE * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }

    record InputRejected(long time, InputReject reason, long subject) implements Output {
    }

    record Triggered(long time, int portfolio, TriggerReason reason, double ratio, double drift) implements Output {
        @Override
        public boolean sameAs(final Output other) {
            return other instanceof Triggered o && time == o.time && portfolio == o.portfolio && reason == o.reason
                && close(ratio, o.ratio) && close(drift, o.drift);
        }
    }

    record OrderSent(long time, long clientOrderId, int portfolio, int instrument, byte side, long quantity,
                     long limitPrice) implements Output {
        @Override
        public String toString() {
            return "OrderSent{t=" + time + ", id=" + clientOrderId + ", p" + portfolio + ", i" + instrument + ' '
                + Side.name(side) + ' ' + quantity + " @ " + Fixed.format(limitPrice) + '}';
        }
    }

    record RiskRejected(long time, int portfolio, int instrument, byte side, long quantity, long limitPrice,
                        RiskVerdict verdict) implements Output {
        @Override
        public String toString() {
            return "RiskRejected{t=" + time + ", p" + portfolio + ", i" + instrument + ' ' + Side.name(side) + ' '
                + quantity + " @ " + Fixed.format(limitPrice) + ' ' + verdict + '}';
        }
    }

    record Planned(long time, int portfolio, int sent, int rejected) implements Output {
    }

    record Filled(long time, long clientOrderId, int portfolio, int instrument, byte side, long quantity, long price,
                  long leaves) implements Output {
        @Override
        public String toString() {
            return "Filled{t=" + time + ", id=" + clientOrderId + ", p" + portfolio + ", i" + instrument + ' '
                + Side.name(side) + ' ' + quantity + " @ " + Fixed.format(price) + ", leaves " + leaves + '}';
        }
    }

    record Closed(long time, long clientOrderId, int portfolio, int execType, long released) implements Output {
        @Override
        public String toString() {
            return "Closed{t=" + time + ", id=" + clientOrderId + ", p" + portfolio + ' ' + ExecType.name(execType)
                + ", released " + released + '}';
        }
    }

    record CancelSent(long time, long requestId, long originalId, int portfolio, long quantity, CancelReason reason)
        implements Output {
        CancelSent withReason(final CancelReason why) {
            return new CancelSent(time, requestId, originalId, portfolio, quantity, why);
        }
    }

    record ReplaceSent(long time, long requestId, long originalId, int portfolio, long quantity, long limitPrice)
        implements Output {
    }

    record Status(long time, int portfolio, DriftStatus status, long totalValue, long settledCash, double ratio,
                  double drift, int openOrders) implements Output {
        @Override
        public boolean sameAs(final Output other) {
            return other instanceof Status o && time == o.time && portfolio == o.portfolio && status == o.status
                && totalValue == o.totalValue && settledCash == o.settledCash && openOrders == o.openOrders
                && close(ratio, o.ratio) && close(drift, o.drift);
        }
    }
}

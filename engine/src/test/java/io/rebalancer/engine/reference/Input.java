package io.rebalancer.engine.reference;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundEvent;

import java.time.Instant;

/**
 * One input of a scenario as an immutable record: the reference reads it as is, and the feeder copies it into
 * the engine's ring event, so both see exactly the same numbers.
 */
sealed interface Input permits Input.Tick, Input.Execution, Input.Timer, Input.OperatorCommand {
    long time();

    /** Fills the engine's mutable ring slot with this input. */
    InboundEvent writeTo(InboundEvent event);

    /** A market-data tick; prices in micros, 0 for a side that is not quoted. */
    record Tick(long time, int instrument, long bid, long ask, long last) implements Input {
        @Override
        public InboundEvent writeTo(final InboundEvent event) {
            return event.tick(time, instrument, bid, ask, last);
        }

        @Override
        public String toString() {
            return "Tick{" + at(time) + ", i=" + instrument + ", " + Fixed.format(bid) + " / " + Fixed.format(ask)
                + " last " + Fixed.format(last) + '}';
        }
    }

    /** An execution report for a client order id, with one of {@link ExecType}'s codes; execution id 0 = none. */
    record Execution(long time, long clientOrderId, long executionId, int execType, long quantity, long price)
        implements Input {
        @Override
        public InboundEvent writeTo(final InboundEvent event) {
            return event.execution(time, clientOrderId, executionId, execType, quantity, price, 0);
        }

        @Override
        public String toString() {
            return "Execution{" + at(time) + ", id=" + clientOrderId + ", exec " + executionId + ", "
                + ExecType.name(execType) + ' ' + quantity
                + " @ " + Fixed.format(price) + '}';
        }
    }

    /** Time passing. */
    record Timer(long time) implements Input {
        @Override
        public InboundEvent writeTo(final InboundEvent event) {
            return event.timer(time);
        }

        @Override
        public String toString() {
            return "Timer{" + at(time) + '}';
        }
    }

    /** An operator command, one of {@link Command}'s codes (or a bad one). */
    record OperatorCommand(long time, int code, int target, long argument) implements Input {
        @Override
        public InboundEvent writeTo(final InboundEvent event) {
            return event.command(time, code, target, argument);
        }

        @Override
        public String toString() {
            final String name = switch (code) {
                case Command.SET_TRADING_STATE -> "SET_TRADING_STATE";
                case Command.REBALANCE_NOW -> "REBALANCE_NOW";
                case Command.REPORT_STATUS -> "REPORT_STATUS";
                case Command.CANCEL_ORDERS -> "CANCEL_ORDERS";
                default -> "code " + code;
            };
            return "Command{" + at(time) + ", " + name + ", target " + target + ", argument " + argument + '}';
        }
    }

    /** Event time as an instant and in epoch nanoseconds, for failure messages. */
    private static String at(final long epochNanos) {
        final long second = 1_000_000_000L;
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, second), Math.floorMod(epochNanos, second)) + " ("
            + epochNanos + ")";
    }
}

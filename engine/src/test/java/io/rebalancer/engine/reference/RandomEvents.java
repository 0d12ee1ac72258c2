package io.rebalancer.engine.reference;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.ExecType;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A random stream of inputs for one scenario: random-walk quotes with jumps, bad ticks of every kind, a venue that
 * acknowledges, fills (partly, fully, beyond the order), cancels, rejects and expires the orders that were sent,
 * reports for orders that do not exist, timers that step back or jump hours to a month ahead so calendar reviews
 * fall due (and wait for fresh prices), and operator commands good and bad.
 * <p>
 * It learns which orders are working from the decisions the reference logged, so the same stream can be replayed
 * from the seed alone.
 */
final class RandomEvents {
    private static final long MILLI = 1_000_000L;
    private static final long HOUR = 3_600 * RandomConfig.SECOND;
    private static final long DAY = 24 * HOUR;
    private static final int[] BAD_COMMANDS = {0, 7, 99};

    private final Random random;
    private final EngineConfig config;
    private final long[] mids;
    private final long[] lastTickTime;
    /** Working orders by their own id. */
    private final Map<Long, VenueOrder> working = new LinkedHashMap<>();
    /** Every id of every order sent (its own, its requests'), to the order's own id. */
    private final Map<Long, Long> owners = new HashMap<>();
    /** Cancel and replace requests the venue will answer, by request id, in the order sent. */
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private final Set<Long> acknowledged = new HashSet<>();
    private final List<Long> finished = new ArrayList<>();
    private final List<Long> usedExecutionIds = new ArrayList<>();
    private long lastExecutionId;
    /** The grain of time steps: whole seconds in some scenarios, so events land exactly on age and rate limits. */
    private final long grain;
    private TradingState tradingState;
    /** Now and then the venue refuses most new orders for a while, so the reject back-off doubles. */
    private boolean refusing;
    /** A portfolio the operator cancels next, while the replaces just sent for it are out; -1 when none. */
    private int cancelSoon = -1;
    private long time;

    RandomEvents(final Random random, final RandomConfig.Scenario scenario, final long start) {
        this.random = random;
        this.config = scenario.config();
        mids = scenario.startMids().clone();
        lastTickTime = new long[mids.length];
        Arrays.fill(lastTickTime, Long.MIN_VALUE);
        tradingState = config.risk().initialState();
        grain = random.nextInt(3) == 0 ? RandomConfig.SECOND : MILLI;
        time = start;
    }

    /** An order as the venue sees it: the id it reports under, what is left, at what limit. */
    private static final class VenueOrder {
        private final Output.OrderSent sent;
        private final List<Long> ids = new ArrayList<>();
        private long reportId;
        private long leaves;
        private long cumulative;
        private long limit;

        VenueOrder(final Output.OrderSent sent) {
            this.sent = sent;
            ids.add(sent.clientOrderId());
            reportId = sent.clientOrderId();
            leaves = sent.quantity();
            limit = sent.limitPrice();
        }
    }

    /**
     * A request the venue will answer once the time reaches {@code notBefore}.
     *
     * @param quantity for a replace, the new total; 0 for a cancel
     */
    private record Pending(boolean cancel, long requestId, long owner, long quantity, long limit, long notBefore) {
    }

    /** Follows the working orders and requests from what the reference decided for the last input. */
    void observe(final List<Output> decisions) {
        for (final Output output : decisions) {
            if (output instanceof Output.OrderSent sent) {
                working.put(sent.clientOrderId(), new VenueOrder(sent));
                owners.put(sent.clientOrderId(), sent.clientOrderId());
            } else if (output instanceof Output.Filled fill) {
                final VenueOrder order = working.get(fill.clientOrderId());
                if (order != null) {
                    order.leaves = fill.leaves();
                    order.cumulative += fill.quantity();
                }
            } else if (output instanceof Output.Closed closed) {
                final VenueOrder order = working.remove(closed.clientOrderId());
                if (order != null) {
                    finished.addAll(order.ids);
                }
            } else if (output instanceof Output.CancelSent cancel) {
                request(cancel.requestId(), cancel.originalId(), true, 0, 0);
            } else if (output instanceof Output.ReplaceSent replace) {
                request(replace.requestId(), replace.originalId(), false, replace.quantity(), replace.limitPrice());
                if (random.nextInt(6) == 0) {
                    cancelSoon = replace.portfolio();
                }
            }
        }
    }

    /** Most requests are answered within seconds, some within a minute, some never (the engine times them out). */
    private void request(final long requestId, final long originalId, final boolean cancel, final long quantity,
        final long limit) {
        final long owner = owners.get(originalId);
        owners.put(requestId, owner);
        final VenueOrder order = working.get(owner);
        if (order != null) {
            order.ids.add(requestId);
        }
        final int roll = random.nextInt(100);
        if (roll < 15) {
            return;
        }
        final long delay = roll < 75 ? pause(3_000) : pause(60_000);
        pending.put(requestId, new Pending(cancel, requestId, owner, quantity, limit, time + delay));
    }

    /**
     * The next input, out of a thousand: 180 reports for working orders (good ticks while none are working), of
     * them up to 150 answers to the cancel and replace requests that are due (mostly the oldest first), 600 good
     * ticks, 50 bad ticks, 30 stray reports, 70 timers, 12 jumps ahead, 8 timers in the past, 50 commands; and
     * now and then, right after a rebalance sent replaces, a cancel of that portfolio's orders.
     */
    Input next() {
        final int roll = random.nextInt(1_000);
        if (random.nextInt(400) == 0) {
            refusing = !refusing;
        }
        if (cancelSoon >= 0) {
            final int target = cancelSoon;
            cancelSoon = -1;
            return new Input.OperatorCommand(time, Command.CANCEL_ORDERS, target,
                random.nextBoolean() ? CancelReason.OPERATOR.ordinal() : CancelReason.SHUTDOWN.ordinal());
        }
        if (roll < 150 && !pending.isEmpty()) {
            final Input answer = answer();
            if (answer != null) {
                return answer;
            }
        }
        if (roll < 180 && !working.isEmpty()) {
            return execution();
        }
        time += random.nextInt(4) == 0 ? 0 : pause(2_000);
        if (roll < 780) {
            return goodTick(random.nextInt(mids.length));
        }
        if (roll < 830) {
            return badTick(random.nextInt(mids.length));
        }
        if (roll < 860) {
            return strayExecution();
        }
        if (roll < 930) {
            time += pause(5_000);
            return new Input.Timer(time);
        }
        if (roll < 942) {
            time = Math.max(time, random.nextInt(4) == 0 ? toAReviewTime() : time + jump());
            return new Input.Timer(time);
        }
        if (roll < 950) {
            return new Input.Timer(time - grain - pause(10_000));
        }
        return command();
    }

    /** A random pause of up to {@code millis}, on this scenario's grain. */
    private long pause(final int millis) {
        return grain == MILLI ? random.nextInt(millis) * MILLI : random.nextInt(millis / 1_000 + 1) * grain;
    }

    /**
     * A few days ahead, at the local time of day of a random portfolio's reviews (or a nanosecond either side), so
     * an event lands exactly on a review instant or just misses it.
     */
    private long toAReviewTime() {
        final PortfolioSpec spec = config.portfolios().get(random.nextInt(config.portfolios().size()));
        final ZoneId zone = spec.calendar() == null ? config.settings().zone() : spec.calendar().zone();
        final int second = spec.calendar() == null ? 0 : spec.calendar().secondOfDay();
        final Instant now = Instant.ofEpochSecond(Math.floorDiv(time, RandomConfig.SECOND));
        final Instant review = ZonedDateTime.ofInstant(now, zone).plusDays(1 + random.nextInt(8))
            .with(LocalTime.ofSecondOfDay(second)).toInstant();
        return review.getEpochSecond() * RandomConfig.SECOND + (grain == MILLI ? random.nextInt(3) - 1 : 0);
    }

    private long jump() {
        return switch (random.nextInt(5)) {
            case 0 -> HOUR + random.nextInt(12) * HOUR;
            case 1 -> DAY + random.nextInt(48) * HOUR + random.nextInt(3_600) * RandomConfig.SECOND;
            case 2 -> 7 * DAY + random.nextInt(86_400) * RandomConfig.SECOND;
            case 3 -> 28 * DAY + random.nextInt(8 * 86_400) * RandomConfig.SECOND;
            default -> 5 * HOUR + random.nextInt(40 * 3_600) * RandomConfig.SECOND;
        };
    }

    private Input goodTick(final int id) {
        final Instrument instrument = config.universe().get(id);
        final long tick = instrument.tickSize();
        double move = random.nextGaussian() * 0.002;
        if (random.nextInt(40) == 0) {
            move = (random.nextBoolean() ? 1 : -1) * (0.03 + random.nextDouble() * 0.12);
        }
        final long moved = (long)(mids[id] * (1 + move));
        mids[id] = Math.max(tick * 10 + Fixed.SCALE, Math.min(20_000 * Fixed.SCALE, moved - moved % tick));
        final long spread = (1 + random.nextInt(6)) * tick;
        final boolean offTick = random.nextInt(10) == 0;
        final long onTick = mids[id] - spread / 2 - (mids[id] - spread / 2) % tick;
        final long bid = onTick + (offTick ? offset(tick) : 0);
        final long ask = onTick + spread + (offTick ? offset(tick) : 0);
        final long last = mids[id] + (offTick ? offset(tick) : 0);
        long at = time;
        if (random.nextInt(20) == 0 && lastTickTime[id] != Long.MIN_VALUE) {
            at = Math.max(lastTickTime[id], time - pause(3_000));
        }
        lastTickTime[id] = Math.max(lastTickTime[id], at);
        final int form = random.nextInt(100);
        if (form < 78) {
            return new Input.Tick(at, id, bid, ask, last);
        }
        if (form < 80) {
            return new Input.Tick(at, id, bid, bid, last);
        }
        if (form < 88) {
            return new Input.Tick(at, id, bid, 0, last);
        }
        if (form < 95) {
            return new Input.Tick(at, id, 0, ask, last);
        }
        return new Input.Tick(at, id, 0, 0, last);
    }

    /** Less than a tick: feeds do send prices off the instrument's tick. */
    private long offset(final long tick) {
        return (long)(random.nextDouble() * tick);
    }

    private Input badTick(final int id) {
        final long mid = mids[id];
        final long tick = config.universe().get(id).tickSize();
        return switch (random.nextInt(9)) {
            case 0 -> new Input.Tick(time, id, Fixed.INVALID, mid + tick, mid);
            case 1 -> new Input.Tick(time, id, mid - tick, mid + tick, Fixed.fromDouble(Double.NaN));
            case 2 -> new Input.Tick(time, id, 0, 0, 0);
            case 3 -> new Input.Tick(time, id, -mid, mid, mid);
            case 4 -> random.nextBoolean() ? new Input.Tick(time, id, mid + 2 * tick, mid - 2 * tick, mid)
                : new Input.Tick(time, id, mid + 1, mid, mid);
            case 5 -> new Input.Tick(time, id, mid, config.universe().get(id).maxPrice() + tick, mid);
            case 6 -> new Input.Tick(time, random.nextBoolean() ? -1 : mids.length + random.nextInt(3), mid - tick,
                mid + tick, mid);
            case 7 -> new Input.Tick(time, id, mid, 0, 0);
            default -> lastTickTime[id] == Long.MIN_VALUE ? new Input.Tick(time, id, 0, 0, -1)
                : new Input.Tick(lastTickTime[id] - grain - pause(5_000), id, mid - tick, mid + tick,
                    mid);
        };
    }

    /**
     * The venue's answer to a request whose time has come: a cancel is confirmed under the request's id (now and
     * then under the order's id) or refused; a replace is accepted (the order is then known by the request's id) or
     * refused. Null when no request is due.
     */
    private Input answer() {
        final List<Pending> due = new ArrayList<>();
        for (final Pending request : pending.values()) {
            if (request.notBefore() <= time) {
                due.add(request);
            }
        }
        if (due.isEmpty()) {
            return null;
        }
        final Pending request = due.get(random.nextInt(4) == 0 ? random.nextInt(due.size()) : 0);
        pending.remove(request.requestId());
        time += pause(500);
        final VenueOrder order = working.get(request.owner());
        final int roll = random.nextInt(100);
        if (request.cancel()) {
            if (roll < 70) {
                return new Input.Execution(time, request.requestId(), executionId(), ExecType.CANCELED, 0, 0);
            }
            if (roll < 80 && order != null) {
                return new Input.Execution(time, order.reportId, executionId(), ExecType.CANCELED, 0, 0);
            }
            return new Input.Execution(time, request.requestId(), executionId(), ExecType.CANCEL_REJECTED, 0, 0);
        }
        if (roll < 75) {
            if (order != null) {
                order.reportId = request.requestId();
                order.leaves = Math.max(0, request.quantity() - order.cumulative);
                order.limit = request.limit();
            }
            return new Input.Execution(time, request.requestId(), executionId(), ExecType.REPLACED, 0, 0);
        }
        return new Input.Execution(time, request.requestId(), executionId(), ExecType.CANCEL_REJECTED, 0, 0);
    }

    /**
     * A report for one of the working orders, under the id the venue knows it by (now and then its first id); now
     * and then stamped a little in the past.
     */
    private Input execution() {
        final List<Long> own = new ArrayList<>(working.keySet());
        final VenueOrder order = working.get(own.get(random.nextInt(own.size())));
        final long id = random.nextInt(20) == 0 ? order.sent.clientOrderId() : order.reportId;
        final long left = order.leaves;
        time += pause(500);
        final long at = random.nextInt(30) == 0 ? time - pause(2_000) : time;
        if (refusing && !acknowledged.contains(order.sent.clientOrderId()) && random.nextInt(4) != 0) {
            return new Input.Execution(at, id, executionId(), ExecType.REJECTED, 0, 0);
        }
        if (acknowledged.add(order.sent.clientOrderId()) && random.nextInt(4) != 0) {
            return new Input.Execution(at, id, executionId(), ExecType.NEW, 0, 0);
        }
        final int roll = random.nextInt(100);
        if (roll < 45 && left > 1) {
            return new Input.Execution(at, id, executionId(), ExecType.TRADE,
                1 + (long)(random.nextDouble() * (left - 1)), fillPrice(order));
        }
        if (roll < 75) {
            return new Input.Execution(at, id, executionId(), ExecType.TRADE, left, fillPrice(order));
        }
        if (roll < 83) {
            return new Input.Execution(at, id, executionId(), ExecType.CANCELED, 0, 0);
        }
        if (roll < 87) {
            return new Input.Execution(at, id, executionId(), ExecType.REJECTED, 0, 0);
        }
        if (roll < 90) {
            return new Input.Execution(at, id, executionId(), ExecType.EXPIRED, 0, 0);
        }
        if (roll < 93) {
            return new Input.Execution(at, id, executionId(), ExecType.TRADE, left + 1 + random.nextInt(20),
                fillPrice(order));
        }
        return switch (random.nextInt(4)) {
            case 0 -> new Input.Execution(at, id, executionId(), ExecType.TRADE, 0, fillPrice(order));
            case 1 -> new Input.Execution(at, id, executionId(), ExecType.TRADE, left,
                random.nextBoolean() ? 0 : -order.limit);
            case 2 -> new Input.Execution(at, id, executionId(), random.nextBoolean() ? 99
                : random.nextBoolean() ? ExecType.REPLACED : ExecType.CANCEL_REJECTED, 0, 0);
            default -> new Input.Execution(at, id, executionId(), ExecType.NEW, 0, 0);
        };
    }

    /**
     * A fresh execution id, or now and then one already used (a resend), or none (0: the source has no ids, never
     * de-duplicated).
     */
    private long executionId() {
        final int roll = random.nextInt(50);
        if (roll == 0 && !usedExecutionIds.isEmpty()) {
            return usedExecutionIds.get(random.nextInt(usedExecutionIds.size()));
        }
        if (roll == 1) {
            return 0;
        }
        final long id = ++lastExecutionId;
        usedExecutionIds.add(id);
        return id;
    }

    /** At the limit or a few ticks better, and now and then a tick worse than the limit. */
    private long fillPrice(final VenueOrder order) {
        final long tick = config.universe().get(order.sent.instrument()).tickSize();
        final long better = order.sent.side() == Side.BUY ? -tick : tick;
        final long ticks = random.nextInt(10) == 0 ? -1 : random.nextInt(4);
        return Math.max(tick, order.limit + ticks * better);
    }

    /** A report for an order that is not working: finished ones, never-sent ones. */
    private Input strayExecution() {
        final long id = !finished.isEmpty() && random.nextBoolean() ? finished.get(random.nextInt(finished.size()))
            : config.settings().firstClientOrderId() - 1 - random.nextInt(1_000);
        final int type = random.nextInt(5);
        return new Input.Execution(time, id, executionId(), type == 0 ? ExecType.TRADE : type == 1 ? ExecType.NEW
            : type == 2 ? ExecType.CANCELED : type == 3 ? ExecType.REPLACED : ExecType.CANCEL_REJECTED,
            type == 0 ? 1 + random.nextInt(100) : 0, type == 0 ? mids[0] : 0);
    }

    /** Cancel one portfolio's orders or all, for any reason; now and then a target or reason out of range. */
    private Input cancelOrders() {
        final int portfolios = config.portfolios().size();
        final int target = switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> -1;
            case 4 -> random.nextBoolean() ? portfolios : -2;
            default -> random.nextInt(portfolios);
        };
        final int reasons = CancelReason.values().length;
        final long reason = random.nextInt(12) == 0 ? (random.nextBoolean() ? reasons : -1)
            : random.nextInt(3) == 0 ? random.nextInt(reasons) : random.nextInt(2) == 0 ? 0 : 2;
        return new Input.OperatorCommand(time, Command.CANCEL_ORDERS, target, reason);
    }

    private Input command() {
        final int roll = random.nextInt(100);
        if (roll < 45) {
            return new Input.OperatorCommand(time, Command.REPORT_STATUS, -1, 0);
        }
        if (roll < 70) {
            if (random.nextInt(10) == 0) {
                return new Input.OperatorCommand(time, Command.SET_TRADING_STATE, -1, random.nextBoolean() ? 3 : -1);
            }
            final boolean active = tradingState == TradingState.ACTIVE ? random.nextInt(10) >= 3
                : random.nextInt(20) >= 3;
            tradingState = active ? TradingState.ACTIVE : TradingState.values()[1 + random.nextInt(2)];
            return new Input.OperatorCommand(time, Command.SET_TRADING_STATE, -1, tradingState.ordinal());
        }
        if (roll < 95 && roll >= 85) {
            return cancelOrders();
        }
        if (roll < 85) {
            final int portfolios = config.portfolios().size();
            final int target = switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> -1;
                case 4 -> random.nextBoolean() ? portfolios : -2;
                default -> random.nextInt(portfolios);
            };
            return new Input.OperatorCommand(time, Command.REBALANCE_NOW, target, 0);
        }
        return new Input.OperatorCommand(time, BAD_COMMANDS[random.nextInt(BAD_COMMANDS.length)], 0, 0);
    }
}

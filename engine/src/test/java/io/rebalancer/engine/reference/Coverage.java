package io.rebalancer.engine.reference;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.trigger.TriggerReason;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what the scenarios made the engine do, so the differential test cannot pass by comparing two empty logs:
 * every trigger reason, orders from every planner mode, most risk verdicts, fills (partial and beyond the order),
 * every way an order closes, every kind of refused input, portfolios both judged and waiting for prices, and the
 * order lifecycle: cancels for every reason, request timeouts and refusals, and every step of the reject back-off.
 */
final class Coverage {
    private final Map<TriggerReason, Integer> triggers = new EnumMap<>(TriggerReason.class);
    private final Map<PlannerMode, Integer> ordersByMode = new EnumMap<>(PlannerMode.class);
    private final Map<RiskVerdict, Integer> riskRejects = new EnumMap<>(RiskVerdict.class);
    private final Map<InputReject, Integer> inputRejects = new EnumMap<>(InputReject.class);
    private final Map<DriftStatus, Integer> statuses = new EnumMap<>(DriftStatus.class);
    private final Map<String, Integer> executions = new TreeMap<>();
    private final List<String> nearTies = new ArrayList<>();
    private final Map<String, Integer> lifecycle = new TreeMap<>();
    private int inputs;

    void add(final EngineConfig config, final List<Output> log, final int inputCount, final List<String> ties,
        final Map<String, Integer> paths) {
        inputs += inputCount;
        nearTies.addAll(ties);
        paths.forEach((path, count) -> lifecycle.merge(path, count, Integer::sum));
        for (final Output output : log) {
            if (output instanceof Output.Triggered triggered) {
                triggers.merge(triggered.reason(), 1, Integer::sum);
            } else if (output instanceof Output.OrderSent sent) {
                ordersByMode.merge(config.portfolios().get(sent.portfolio()).plannerMode(), 1, Integer::sum);
            } else if (output instanceof Output.RiskRejected rejected) {
                riskRejects.merge(rejected.verdict(), 1, Integer::sum);
            } else if (output instanceof Output.InputRejected rejected) {
                inputRejects.merge(rejected.reason(), 1, Integer::sum);
            } else if (output instanceof Output.Status status) {
                statuses.merge(status.status(), 1, Integer::sum);
            } else if (output instanceof Output.Filled fill) {
                executions.merge(fill.leaves() > 0 ? "partial fill" : "fill", 1, Integer::sum);
            } else if (output instanceof Output.Closed closed) {
                executions.merge("closed " + ExecType.name(closed.execType()), 1, Integer::sum);
            }
        }
    }

    int orders() {
        return ordersByMode.values().stream().mapToInt(Integer::intValue).sum();
    }

    int triggers() {
        return triggers.values().stream().mapToInt(Integer::intValue).sum();
    }

    List<String> nearTies() {
        return nearTies;
    }

    /** The kinds of decision that never came up, empty when the scenarios reached them all. */
    List<String> missing() {
        final List<String> missing = new ArrayList<>();
        for (final TriggerReason reason : TriggerReason.values()) {
            if (reason != TriggerReason.NONE && triggers.getOrDefault(reason, 0) < 3) {
                missing.add("trigger " + reason);
            }
        }
        for (final PlannerMode mode : PlannerMode.values()) {
            if (ordersByMode.getOrDefault(mode, 0) < 10) {
                missing.add("orders planned " + mode);
            }
        }
        for (final RiskVerdict verdict : RiskVerdict.values()) {
            if (verdict != RiskVerdict.ACCEPTED && verdict != RiskVerdict.INVALID_ORDER
                && riskRejects.getOrDefault(verdict, 0) == 0) {
                missing.add("risk verdict " + verdict);
            }
        }
        for (final InputReject reason : InputReject.values()) {
            // The reference does not model restarts: reconciliation (and its STATUS_MISMATCH) is checked by
            // OrderReconciliationTest and the crash tests instead.
            if (reason != InputReject.UNKNOWN_EVENT && reason != InputReject.STATUS_MISMATCH
                && inputRejects.getOrDefault(reason, 0) == 0) {
                missing.add("input reject " + reason);
            }
        }
        for (final DriftStatus status : List.of(DriftStatus.OK, DriftStatus.STALE_PRICE)) {
            if (statuses.getOrDefault(status, 0) == 0) {
                missing.add("status " + status);
            }
        }
        for (final String execution : List.of("fill", "partial fill", "closed TRADE", "closed CANCELED",
            "closed REJECTED", "closed EXPIRED")) {
            if (executions.getOrDefault(execution, 0) < 10) {
                missing.add(execution);
            }
        }
        missingLifecycle(missing);
        return missing;
    }

    /**
     * Cancels for every reason, the requests' timeouts, refusals and races (a replace accepted or refused after it
     * was given up, ids of unanswered cancels forgotten to make room), every step of the back-off, and the replace
     * policy's choices (keep, replace, cancel instead, a buy left as it is for want of cash).
     */
    private void missingLifecycle(final List<String> missing) {
        for (final CancelReason reason : CancelReason.values()) {
            if (lifecycle.getOrDefault("cancel " + reason, 0) < 3) {
                missing.add("cancel " + reason);
            }
        }
        for (final String path : List.of("request timeout CANCEL", "id of an unanswered cancel forgotten",
            "request refused CANCEL", "closed with CANCEL out", "late fill", "not planned: request out",
            "not planned: back-off", "back-off: first wait", "back-off: doubled", "back-off: reject while waiting",
            "back-off: reset by a fill", "replace sent", "replaced", "request timeout REPLACE",
            "request refused REPLACE", "closed with REPLACE out", "working order kept: same terms",
            "cancel waits for a replace")) {
            if (lifecycle.getOrDefault(path, 0) < 3) {
                missing.add(path);
            }
        }
        // Rare by nature (two accepted replaces on one order; a buy the held-back proceeds cannot pay; a venue
        // answering a replace after the request timeout): once is enough.
        for (final String path : List.of("replace impossible: cancelled instead",
            "buy not affordable: working order kept", "replace accepted after it was given up",
            "given-up replace refused late")) {
            if (lifecycle.getOrDefault(path, 0) < 1) {
                missing.add(path);
            }
        }
    }

    @Override
    public String toString() {
        return inputs + " inputs; triggers " + triggers + "; orders by planner mode " + ordersByMode
            + "; risk rejects " + riskRejects + "; executions " + executions + "; input rejects " + inputRejects
            + "; statuses " + statuses + "; near ties " + nearTies.size() + "; order lifecycle " + lifecycle;
    }
}

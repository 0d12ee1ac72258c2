package io.rebalancer.fix;

import io.rebalancer.engine.pipeline.ExecType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every row of {@link FixExecTypes}' table; {@link FixSessionAdapterTest} runs the same on real messages. */
class FixExecTypesTest {
    @ParameterizedTest(name = "20={0} 150={1} 39={2} fill={3} -> {4}")
    @CsvSource({
        "0, F, 1, true, TRADE", "0, F, 2, true, TRADE", "0, F, 2, false, TRADE",
        "0, 1, 1, true, TRADE", "0, 2, 2, true, TRADE",
        "0, 0, 0, false, NEW", "0, 0, 0, true, NEW",
        "0, 4, 4, false, CANCELED", "0, C, C, false, EXPIRED", "0, 3, 3, false, EXPIRED",
        "0, 8, 8, false, REJECTED", "0, 5, 0, false, REPLACED", "0, 5, 1, false, REPLACED",
        "0, A, A, false, IGNORED", "0, 6, 6, false, IGNORED", "0, E, E, false, IGNORED",
        "0, 7, 7, false, IGNORED", "0, 9, 9, false, IGNORED",
        "0, A, A, true, TRADE", "0, 6, 1, true, TRADE", "0, E, 1, true, TRADE",
        "0, A, 0, false, NEW", "0, E, 0, false, NEW",
        "0, D, 1, true, IGNORED", "0, B, 2, false, IGNORED",
        "0, G, 2, true, IGNORED", "0, H, 4, true, IGNORED", "0, x, 1, false, IGNORED",
        "0, D, 0, true, NEW", "0, x, 0, false, NEW",
        "0, I, 0, false, ORDER_STATUS", "0, I, 2, true, ORDER_STATUS", "0, I, 8, false, ORDER_STATUS",
        "3, 0, 0, false, ORDER_STATUS", "3, 2, 2, true, ORDER_STATUS", "3, 8, 8, false, ORDER_STATUS",
        "1, 2, 2, true, CORRECTION", "2, 1, 1, true, CORRECTION",
    })
    void shouldMapEveryRowOfTheTable(final char execTransType, final char execType, final char ordStatus,
        final boolean carriesFill, final String expected) {
        assertEquals(code(expected), FixExecTypes.toEngine(execTransType, execType, ordStatus, carriesFill));
    }

    @Test
    void shouldKeepDecimalExecIdsAndHashOthersIntoTheNegativeRange() {
        assertEquals(17, FixSessionAdapter.executionId("17"));
        assertTrue(FixSessionAdapter.executionId("EX-17") < 0);
        assertTrue(FixSessionAdapter.executionId("EX-17") != FixSessionAdapter.executionId("EX-18"));
    }

    private static int code(final String name) {
        switch (name) {
            case "IGNORED":
                return FixExecTypes.IGNORED;
            case "CORRECTION":
                return FixExecTypes.CORRECTION;
            default:
                for (int code = 1; code < 16; code++) {
                    if (ExecType.name(code).equals(name)) {
                        return code;
                    }
                }
                throw new IllegalArgumentException(name);
        }
    }
}

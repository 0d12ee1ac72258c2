package io.rebalancer.fix;

import io.rebalancer.engine.pipeline.ExecType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixExecTypesTest {
    @Test
    void shouldMapTheFiveBookedFixExecTypes() {
        assertEquals(ExecType.NEW, FixExecTypes.toEngine('0'));
        assertEquals(ExecType.TRADE, FixExecTypes.toEngine('F'));
        assertEquals(ExecType.CANCELED, FixExecTypes.toEngine('4'));
        assertEquals(ExecType.REJECTED, FixExecTypes.toEngine('8'));
        assertEquals(ExecType.EXPIRED, FixExecTypes.toEngine('C'));
    }

    /** Done for day, replaced, pending cancel, stopped, suspended, pending new, calculated, restated, ... */
    @ParameterizedTest
    @ValueSource(chars = {'3', '5', '6', '7', '9', 'A', 'B', 'D', 'E', 'G', 'H', 'I', '1', '2', 'x'})
    void shouldIgnoreEveryOtherFixExecType(final char fixExecType) {
        assertEquals(FixExecTypes.IGNORED, FixExecTypes.toEngine(fixExecType));
    }

    @Test
    void shouldKeepDecimalExecIdsAndHashOthersIntoTheNegativeRange() {
        assertEquals(17, FixSessionAdapter.executionId("17"));
        assertTrue(FixSessionAdapter.executionId("EX-17") < 0);
        assertTrue(FixSessionAdapter.executionId("EX-17") != FixSessionAdapter.executionId("EX-18"));
    }
}

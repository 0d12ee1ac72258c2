package io.rebalancer.engine.state;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceBoardTest {
    private static final long HOUR = 3_600_000_000_000L;

    @Test
    void shouldTreatAPriceAsFreshUpToExactlyTheMaximumAge() {
        final PriceBoard board = new PriceBoard(1);
        board.update(0, 99, 101, 100, 1_000 * HOUR);
        assertTrue(board.isFresh(0, 1_001 * HOUR, HOUR));
        assertFalse(board.isFresh(0, 1_001 * HOUR + 1, HOUR));
    }

    @Test
    void shouldNeverTreatAPriceStampedNearTheStartOfTimeAsFresh() {
        final PriceBoard board = new PriceBoard(1);
        board.update(0, 99, 101, 100, Long.MIN_VALUE + 1);
        assertFalse(board.isFresh(0, 1_767_623_400_000_000_000L, HOUR));
    }

    @Test
    void shouldNotCallAnInstrumentWithoutAPriceFresh() {
        assertFalse(new PriceBoard(1).isFresh(0, 0, Long.MAX_VALUE));
    }
}

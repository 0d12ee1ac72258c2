package io.rebalancer.fix.md;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** MDEntryDate and MDEntryTime to epoch nanoseconds, checked against java.time. */
class EntryTimeTest {
    @Test
    void shouldReadEveryPrecisionFromSecondsToNanoseconds() {
        assertEquals(nanos("2023-11-14T22:13:20Z"), EntryTime.parse("20231114", "22:13:20"));
        assertEquals(nanos("2023-11-14T22:13:20.123Z"), EntryTime.parse("20231114", "22:13:20.123"));
        assertEquals(nanos("2023-11-14T22:13:20.123456Z"), EntryTime.parse("20231114", "22:13:20.123456"));
        assertEquals(nanos("2023-11-14T22:13:20.123456789Z"), EntryTime.parse("20231114", "22:13:20.123456789"));
        assertEquals(nanos("2024-02-29T00:00:00Z"), EntryTime.parse("20240229", "00:00:00"));
        assertEquals(0, EntryTime.parse("19700101", "00:00:00.000"));
    }

    @Test
    void shouldRefuseWhatIsNotADateAndTime() {
        for (final String[] bad : new String[][] {{null, "22:13:20"}, {"20231114", null}, {"2023114", "22:13:20"},
            {"20231314", "22:13:20"}, {"20230229", "22:13:20"}, {"20231114", "24:00:00"}, {"20231114", "22:60:00"},
            {"20231114", "22-13-20"}, {"20231114", "22:13:20."}, {"20231114", "22:13:20,5"},
            {"20231114", "22:13:20.1234567890"}, {"2023111x", "22:13:20"}}) {
            assertEquals(EntryTime.NONE, EntryTime.parse(bad[0], bad[1]), bad[0] + " " + bad[1]);
        }
    }

    private static long nanos(final String instant) {
        final Instant at = Instant.parse(instant);
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}

package io.rebalancer.engine.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CivilDatesTest {
    @Test
    void shouldMatchLocalDateForEveryDayFrom1600To2400() {
        final long first = LocalDate.of(1600, 1, 1).toEpochDay();
        final long last = LocalDate.of(2400, 12, 31).toEpochDay();
        LocalDate expected = LocalDate.of(1600, 1, 1);
        for (long day = first; day <= last; day++) {
            assertDate(expected, day);
            expected = expected.plusDays(1);
        }
    }

    @Test
    void shouldMatchLocalDateForNegativeYearsAndTheEndsOfTheLocalDateRange() {
        for (long day = LocalDate.of(-1_200, 1, 1).toEpochDay(); day <= LocalDate.of(1, 3, 1).toEpochDay(); day++) {
            assertDate(LocalDate.ofEpochDay(day), day);
        }
        final long min = LocalDate.MIN.toEpochDay();
        final long max = LocalDate.MAX.toEpochDay();
        for (int i = 0; i < 1_000; i++) {
            final LocalDate low = LocalDate.ofEpochDay(min + i);
            final LocalDate high = LocalDate.ofEpochDay(max - i);
            assertEquals(low.getYear(), CivilDates.year(min + i));
            assertEquals(low.getMonthValue(), CivilDates.month(min + i));
            assertEquals(low.getDayOfMonth(), CivilDates.dayOfMonth(min + i));
            assertEquals(min + i, CivilDates.daysFromCivil(low.getYear(), low.getMonthValue(), low.getDayOfMonth()));
            assertEquals(high.getYear(), CivilDates.year(max - i));
            assertEquals(high.getMonthValue(), CivilDates.month(max - i));
            assertEquals(high.getDayOfMonth(), CivilDates.dayOfMonth(max - i));
            assertEquals(max - i, CivilDates.daysFromCivil(high.getYear(), high.getMonthValue(), high.getDayOfMonth()));
        }
    }

    @Test
    void shouldMatchYearMonthLengthsAndLeapYears() {
        for (int year = -800; year <= 2800; year++) {
            assertEquals(Year.isLeap(year), CivilDates.isLeapYear(year), "year " + year);
            for (int month = 1; month <= 12; month++) {
                assertEquals(YearMonth.of(year, month).lengthOfMonth(), CivilDates.lengthOfMonth(year, month),
                    year + "-" + month);
            }
        }
    }

    @Test
    void shouldTreatCenturiesAsLeapOnlyWhenDivisibleBy400() {
        assertTrue(CivilDates.isLeapYear(2000));
        assertTrue(CivilDates.isLeapYear(1600));
        assertFalse(CivilDates.isLeapYear(1900));
        assertFalse(CivilDates.isLeapYear(2100));
        assertEquals(29, CivilDates.lengthOfMonth(2000, 2));
        assertEquals(28, CivilDates.lengthOfMonth(1900, 2));
    }

    @Test
    void shouldPlaceEpochDayZeroOnThursdayFirstOfJanuary1970() {
        assertEquals(0L, CivilDates.daysFromCivil(1970, 1, 1));
        assertEquals(4, CivilDates.dayOfWeek(0L));
        assertEquals(3, CivilDates.dayOfWeek(-1L));
        assertEquals(19_700_101, CivilDates.packedDate(0L));
        assertEquals(19_691_231, CivilDates.packedDate(-1L));
    }

    @Test
    void shouldPackNegativeYearsSoFloorDivisionRecoversTheDate() {
        final int packed = CivilDates.packedDate(LocalDate.of(-1, 12, 31).toEpochDay());
        assertEquals(-1, Math.floorDiv(packed, 10_000));
        assertEquals(1_231, Math.floorMod(packed, 10_000));
    }

    @Test
    void shouldCountADayPastTheEndOfTheMonthIntoTheNextMonth() {
        assertEquals(LocalDate.of(2023, 3, 1).toEpochDay(), CivilDates.daysFromCivil(2023, 2, 29));
        assertEquals(LocalDate.of(2024, 1, 1).toEpochDay(), CivilDates.daysFromCivil(2023, 12, 32));
        assertEquals(LocalDate.of(2024, 2, 29).toEpochDay(), CivilDates.daysFromCivil(2024, 3, 0));
    }

    @Test
    void shouldNotAllocateWhenConvertingDates() {
        final long allocated = AllocationMeter.fewestBytesAllocated(() -> {
            long sum = 0;
            for (long day = -500_000; day < 500_000; day++) {
                sum += convert(day);
            }
            return sum;
        }, 3);
        assertEquals(0L, allocated, "bytes allocated by 1,000,000 conversions, fewest of three runs");
    }

    private static long convert(final long day) {
        return CivilDates.daysFromCivil(CivilDates.year(day), CivilDates.month(day), CivilDates.dayOfMonth(day))
            + CivilDates.dayOfWeek(day) + CivilDates.packedDate(day);
    }

    private static void assertDate(final LocalDate expected, final long epochDay) {
        assertEquals(expected.toEpochDay(), epochDay);
        if (expected.getYear() != CivilDates.year(epochDay) || expected.getMonthValue() != CivilDates.month(epochDay)
            || expected.getDayOfMonth() != CivilDates.dayOfMonth(epochDay)
            || expected.getDayOfWeek().getValue() != CivilDates.dayOfWeek(epochDay)
            || expected.getYear() * 10_000 + expected.getMonthValue() * 100 + expected.getDayOfMonth()
                != CivilDates.packedDate(epochDay)
            || epochDay != CivilDates.daysFromCivil(expected.getYear(), expected.getMonthValue(),
                expected.getDayOfMonth())) {
            assertEquals(expected + " " + expected.getDayOfWeek().getValue(),
                CivilDates.year(epochDay) + "-" + CivilDates.month(epochDay) + "-" + CivilDates.dayOfMonth(epochDay)
                    + " " + CivilDates.dayOfWeek(epochDay) + " packed " + CivilDates.packedDate(epochDay)
                    + " back " + CivilDates.daysFromCivil(expected.getYear(), expected.getMonthValue(),
                        expected.getDayOfMonth()),
                "epoch day " + epochDay);
        }
    }
}

package io.rebalancer.fix;

import io.rebalancer.engine.domain.Fixed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FixDecimalTest {
    @ParameterizedTest
    @CsvSource({
        "290000, 0.29",
        "123456700, 123.4567",
        "1000000000001, 1000000.000001",
        "1000000, 1",
        "100000000, 100",
        "1, 0.000001",
        "10, 0.00001",
        "0, 0",
        "-290000, -0.29",
        "9223372036854775806, 9223372036854.775806"})
    void shouldFormatMicrosAsTheShortestExactDecimal(final long micros, final String text) {
        assertEquals(text, FixDecimal.formatPrice(micros));
    }

    @ParameterizedTest
    @CsvSource({
        "0.29, 290000",
        "123.4567, 123456700",
        "1000000.000001, 1000000000001",
        "100, 100000000",
        "100.000000, 100000000",
        "0.000001, 1"})
    void shouldParseFixPricesStraightToMicros(final String text, final long micros) {
        assertEquals(micros, FixDecimal.parsePrice(text));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 290000, 123456700, 1000000000001L, 99999999999L, 100000000})
    void shouldRoundTripEveryPriceExactly(final long micros) {
        assertEquals(micros, FixDecimal.parsePrice(FixDecimal.formatPrice(micros)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.0000001", "1e5", "."})
    void shouldRefuseUnreadablePrices(final String text) {
        assertEquals(Fixed.INVALID, FixDecimal.parsePrice(text));
    }

    @Test
    void shouldRefuseAMissingPrice() {
        assertEquals(Fixed.INVALID, FixDecimal.parsePrice(null));
    }

    @Test
    void shouldRefuseToFormatTheInvalidMarkers() {
        assertThrows(IllegalArgumentException.class, () -> FixDecimal.formatPrice(Fixed.INVALID));
        assertThrows(IllegalArgumentException.class, () -> FixDecimal.formatPrice(Fixed.OVERFLOW));
    }

    @ParameterizedTest
    @CsvSource({"100, 100", "100.0, 100", "100.000, 100", "0, 0", "541, 541"})
    void shouldParseWholeQuantitiesWithOrWithoutAPoint(final String text, final long units) {
        assertEquals(units, FixDecimal.parseQuantity(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.5", "-3", "x", "99999999999999999999", "."})
    void shouldRefuseFractionalNegativeOrGarbledQuantities(final String text) {
        assertEquals(FixDecimal.INVALID_QUANTITY, FixDecimal.parseQuantity(text));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "42, 42", "9223372036854775807, 9223372036854775807", "0, -1", "1.0, -1", "abc, -1",
        "'', -1", "-5, -1"})
    void shouldParseClientOrderIdsOnlyWhenTheyArePositiveDecimals(final String text, final long id) {
        assertEquals(id, FixDecimal.parseId(text));
    }
}

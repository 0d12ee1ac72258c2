package io.rebalancer.engine.config;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InstrumentsFileTest {
    @TempDir
    Path dir;

    private ConfigException instrumentsFailure(final String... lines) {
        return new ConfigFolder(dir).write(ConfigFolder.INSTRUMENTS, lines).failure();
    }

    private void assertFailure(final ConfigException failure, final int line, final String detail) {
        final Path file = dir.resolve(ConfigFolder.INSTRUMENTS);
        assertEquals(file + (line > 0 ? ":" + line : "") + ": " + detail, failure.getMessage());
        assertEquals(file, failure.file());
        assertEquals(line, failure.line());
    }

    @Test
    void shouldAssignIdsInFileOrderSkippingCommentsAndTrimmingFields() throws ConfigException {
        final InstrumentUniverse universe = new ConfigFolder(dir).write(ConfigFolder.INSTRUMENTS,
            "# the instruments",
            "  Symbol , Tick-Size , Lot-Size , Max-Price ",
            "",
            "TLT ,\t0.01 , 1 , 1000",
            "# a comment between rows",
            "SPY,0.0025,100,99999.99",
            "GLD,0.29,1,5000").load().universe();

        assertEquals(new Instrument(0, "TLT", 10_000, 1, 1_000 * Fixed.SCALE), universe.get(0));
        assertEquals(new Instrument(1, "SPY", 2_500, 100, 99_999_990_000L), universe.get(1));
        assertEquals(new Instrument(2, "GLD", 290_000, 1, 5_000 * Fixed.SCALE), universe.get(2));
    }

    @Test
    void shouldRejectMissingInstrumentsFile() {
        final ConfigException failure = new ConfigFolder(dir).delete(ConfigFolder.INSTRUMENTS).failure();

        assertFailure(failure, 0, "file not found; it lists the instruments: a header line "
            + "symbol,tick-size,lot-size,max-price, then one instrument per line");
    }

    @Test
    void shouldRejectLineWithWrongColumnCount() {
        assertFailure(instrumentsFailure("symbol,tick-size,lot-size,max-price", "SPY,0.01,1,100000", "TLT,0.01,1"), 3,
            "has 3 fields; each instrument line needs 4: symbol,tick-size,lot-size,max-price");
    }

    @Test
    void shouldRejectDuplicateSymbolNamingTheFirstLine() {
        assertFailure(instrumentsFailure("symbol,tick-size,lot-size,max-price", "SPY,0.01,1,100000", "TLT,0.01,1,9",
            "SPY,0.05,1,100000"), 4, "SPY: listed twice (first on line 2); keep one line per symbol");
    }

    @Test
    void shouldRejectBadTickSize() {
        assertFailure(instrumentsFailure("symbol,tick-size,lot-size,max-price", "SPY,0.0l,1,100000"), 2,
            "SPY tick-size: \"0.0l\" is not a decimal amount; write digits with at most one point and no separators "
                + "or currency signs, e.g. 250000.00");
    }

    @Test
    void shouldRejectZeroTickSize() {
        assertFailure(instrumentsFailure("symbol,tick-size,lot-size,max-price", "SPY,0,1,100000"), 2,
            "SPY tick-size: 0 must be more than 0");
    }

    @Test
    void shouldRejectNegativeMaxPrice() {
        assertFailure(instrumentsFailure("symbol,tick-size,lot-size,max-price", "SPY,0.01,1,-5"), 2,
            "SPY max-price: -5 must be more than 0");
    }

    @Test
    void shouldRejectFractionalLotSize() {
        assertFailure(instrumentsFailure("symbol,tick-size,lot-size,max-price", "SPY,0.01,0.5,100000"), 2,
            "SPY lot-size: \"0.5\" is not a whole number; write digits only, with no decimal point, separators or "
                + "units");
    }

    @Test
    void shouldRejectZeroLotSize() {
        assertFailure(instrumentsFailure("symbol,tick-size,lot-size,max-price", "SPY,0.01,0,100000"), 2,
            "SPY lot-size: 0 is too small; use 1 or more");
    }

    @Test
    void shouldRejectWrongHeader() {
        assertFailure(instrumentsFailure("# instruments", "symbol,tick,lot,max"), 2,
            "the first line must be the header symbol,tick-size,lot-size,max-price (found \"symbol,tick,lot,max\")");
    }

    @Test
    void shouldRejectSymbolWithSpaces() {
        assertFailure(instrumentsFailure("symbol,tick-size,lot-size,max-price", "BRK B,0.01,1,100000"), 2,
            "symbol \"BRK B\" must be letters, digits, '.', '-', '_' or '/', with no spaces");
    }

    @Test
    void shouldRejectFileWithoutInstruments() {
        assertFailure(instrumentsFailure("# nothing yet", "symbol,tick-size,lot-size,max-price"), 0,
            "lists no instruments; after the header line symbol,tick-size,lot-size,max-price add one line per "
                + "instrument, e.g. SPY,0.01,1,100000");
    }
}

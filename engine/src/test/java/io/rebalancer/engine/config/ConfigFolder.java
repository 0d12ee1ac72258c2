package io.rebalancer.engine.config;

import io.rebalancer.engine.domain.EngineConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A small valid configuration folder in a test's temporary directory, which each test spoils in one place.
 * Instruments: SPY (id 0), TLT (1), GLD (2). One portfolio, {@code portfolios/core.conf}: SPY 60, TLT 40.
 */
final class ConfigFolder {
    static final String ENGINE = "engine.conf";
    static final String INSTRUMENTS = "instruments.csv";
    static final String CORE = "portfolios/core.conf";

    private final Path dir;

    ConfigFolder(final Path dir) {
        this.dir = dir;
        write(INSTRUMENTS,
            "symbol,tick-size,lot-size,max-price",
            "SPY,0.01,1,100000",
            "TLT,0.01,1,100000",
            "GLD,0.01,1,100000");
        write(CORE,
            "[bands]",
            "absolute = 5",
            "[targets]",
            "SPY = 60",
            "TLT = 40");
    }

    Path dir() {
        return dir;
    }

    /** The path as the loader names it in messages. */
    Path path(final String relative) {
        return dir.resolve(relative);
    }

    /** Writes (or overwrites) a file, one argument per line; line numbers in tests count these arguments. */
    ConfigFolder write(final String relative, final String... lines) {
        try {
            final Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, List.of(lines), StandardCharsets.UTF_8);
            return this;
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    ConfigFolder delete(final String relative) {
        try {
            Files.delete(dir.resolve(relative));
            return this;
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    EngineConfig load() throws ConfigException {
        return ConfigLoader.load(dir);
    }

    ConfigException failure() {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(dir));
    }
}

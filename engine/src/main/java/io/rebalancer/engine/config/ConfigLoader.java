package io.rebalancer.engine.config;

import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.EngineSettings;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.RiskLimits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads and validates a configuration folder once, at start-up:
 * <pre>
 * engine.conf         [engine] settings and [risk] limits; optional, every key has a default
 * instruments.csv     symbol,tick-size,lot-size,max-price; ids assigned in file order
 * portfolios/*.conf   one portfolio per file; ids assigned in file-name order
 * </pre>
 * The first problem found stops loading with a {@link ConfigException} whose message names the file, the line
 * and the fix (see {@code config/README.md} for every key). Nothing here runs on the engine thread.
 */
public final class ConfigLoader {
    /** Engine settings and risk limits, inside the configuration folder. */
    public static final String ENGINE_FILE = "engine.conf";
    /** The instrument list, inside the configuration folder. */
    public static final String INSTRUMENTS_FILE = "instruments.csv";
    /** The folder of portfolio files, inside the configuration folder. */
    public static final String PORTFOLIOS_FOLDER = "portfolios";

    private ConfigLoader() {
    }

    /**
     * Reads everything under {@code dir}.
     *
     * @return the validated configuration; every domain invariant holds
     * @throws ConfigException naming the first bad file and line, with a message fit to print as it is
     */
    public static EngineConfig load(final Path dir) throws ConfigException {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir, 0, "configuration folder not found; it should hold " + ENGINE_FILE + ", "
                + INSTRUMENTS_FILE + " and " + PORTFOLIOS_FOLDER + "/");
        }
        final SymbolTable symbols = InstrumentsLoader.load(dir.resolve(INSTRUMENTS_FILE));
        final IniFile engineFile = EngineFileLoader.read(dir.resolve(ENGINE_FILE));
        final EngineSettings settings = EngineFileLoader.settings(engineFile);
        final RiskLimits risk = EngineFileLoader.risk(engineFile, symbols);
        final OrderPolicy orders = EngineFileLoader.orders(engineFile);
        final List<Path> files = ConfigFiles.portfolioFiles(dir.resolve(PORTFOLIOS_FOLDER));
        final List<PortfolioSpec> portfolios = new ArrayList<>(files.size());
        final Map<String, Path> names = new HashMap<>();
        for (final Path file : files) {
            portfolios.add(PortfolioLoader.load(file, portfolios.size(), symbols, names));
        }
        return ConfigException.guard(dir, 0,
            () -> new EngineConfig(settings, symbols.universe(), risk, portfolios, orders));
    }
}

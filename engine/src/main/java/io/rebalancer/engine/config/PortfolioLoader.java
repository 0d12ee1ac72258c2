package io.rebalancer.engine.config;

import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Ppm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one {@code portfolios/*.conf} file into a {@link PortfolioSpec}: {@code [portfolio]}, {@code [bands]},
 * {@code [trigger]}, {@code [targets]} and {@code [holdings]}. Every invariant the spec's constructor enforces is
 * checked here first, so the user sees which line to fix rather than an exception.
 */
final class PortfolioLoader {
    static final List<String> SECTIONS = List.of("portfolio", "bands", "trigger", "targets", "holdings");
    static final List<String> PORTFOLIO_KEYS = List.of("name", "cash", "cash-buffer", "min-trade-notional",
        "planner");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private PortfolioLoader() {
    }

    /**
     * @param id         the portfolio's dense id (its position in file-name order)
     * @param takenNames names of the portfolios loaded so far, with their files; this one's is added
     */
    static PortfolioSpec load(final Path file, final int id, final SymbolTable symbols,
                              final Map<String, Path> takenNames) throws ConfigException {
        final IniFile ini = IniReader.read(file, SECTIONS);
        final IniSection head = ini.section("portfolio");
        head.requireKnownKeys(PORTFOLIO_KEYS);
        final String name = name(file, head.get("name"), takenNames);
        final IniEntry cashEntry = head.get("cash");
        final long cash = cashEntry == null ? ConfigDefaults.DEFAULT_CASH : Values.nonNegativeAmount(cashEntry);
        final IniEntry bufferEntry = head.get("cash-buffer");
        final int cashBuffer = bufferEntry == null ? ConfigDefaults.DEFAULT_CASH_BUFFER_PPM : cashBuffer(bufferEntry);
        final IniEntry minimumEntry = head.get("min-trade-notional");
        final long minTradeNotional = minimumEntry == null
            ? ConfigDefaults.DEFAULT_MIN_TRADE_NOTIONAL : Values.nonNegativeAmount(minimumEntry);
        final IniEntry plannerEntry = head.get("planner");
        final PlannerMode planner = plannerEntry == null
            ? ConfigDefaults.DEFAULT_PLANNER : Values.choice(plannerEntry, PlannerMode.class);

        final AssetSlots slots = AssetSlots.read(ini.section("targets"), ini.section("holdings"), symbols);
        final BandsSection.Bands bands = BandsSection.read(ini.section("bands"), slots, symbols);
        final TriggerSection.Trigger trigger = TriggerSection.read(ini.section("trigger"));
        BandsSection.requireBands(slots, bands, trigger.kind());
        return ConfigException.guard(file, 0, () -> new PortfolioSpec(id, name, cash, slots.instrumentIds(),
            slots.quantities(), slots.targetPpm(), bands.absolutePpm(), bands.relativePpm(), bands.portfolioPpm(),
            bands.hysteresisPpm(), cashBuffer, minTradeNotional, planner, trigger.kind(), trigger.calendar()));
    }

    /** The given name or the file's base name: letters, digits, '-' and '_', unique across portfolios. */
    private static String name(final Path file, final IniEntry entry, final Map<String, Path> takenNames)
        throws ConfigException {
        final String name = entry == null ? ConfigFiles.baseName(file) : entry.value();
        if (!NAME.matcher(name).matches()) {
            final String rule = " is not a valid portfolio name; use letters, digits, - and _ only";
            if (entry == null) {
                throw new ConfigException(file, 0, "the file name gives the portfolio name \"" + name + "\", which"
                    + rule + "; rename the file or set name = ... in [portfolio]");
            }
            throw entry.error("\"" + name + "\"" + rule);
        }
        final Path other = takenNames.putIfAbsent(name, file);
        if (other != null) {
            final String clash = "\"" + name + "\" is already the name of " + other
                + "; every portfolio needs its own name";
            if (entry == null) {
                throw new ConfigException(file, 0, "the portfolio name (from the file name) " + clash
                    + "; set name = ... in [portfolio]");
            }
            throw entry.error(clash);
        }
        return name;
    }

    private static int cashBuffer(final IniEntry entry) throws ConfigException {
        final int ppm = Values.percent(entry);
        if (ppm >= Ppm.ONE) {
            throw entry.error(entry.value() + " must be below 100%: it is the share of the portfolio's value kept "
                + "in cash, and nothing would be left to invest");
        }
        return ppm;
    }
}

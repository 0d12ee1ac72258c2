package io.rebalancer.benchmarks.suite;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;

/** The line every result is published with: when, on what, with which JVM and flags. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        final Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%s; %d CPUs (%s %s); %s %s; max heap %d MiB; JVM flags: %s",
            Instant.now().toString().substring(0, 19).replace('T', ' ') + " UTC", runtime.availableProcessors(),
            System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.vm.name"),
            System.getProperty("java.runtime.version"), runtime.maxMemory() >> 20,
            String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }
}

package io.rebalancer.benchmarks;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The JMH settings every benchmark class here shares (as Philadelphia's {@code FIXBenchmark} does): average time in
 * nanoseconds, 3 warm-up and 5 measured iterations of a second, one fork. JMH takes each setting from the nearest
 * class that declares it, so a subclass declares only what it changes (a longer warm-up, a larger heap).
 * <p>
 * The fork's flags are the root pom's {@code jvm.open.flags} (annotations cannot read a Maven property): every JVM
 * that may open a Chronicle queue, or an Agrona 2 buffer, needs them, and Chronicle must not look for its
 * analytics and announcer hosts. A JMH fork is started with {@code java -cp}, so the {@code Add-Opens} of the
 * shaded jar's manifest do not reach it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g",
    "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true"})
abstract class JmhDefaults {
}

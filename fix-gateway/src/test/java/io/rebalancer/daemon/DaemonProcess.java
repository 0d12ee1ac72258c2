package io.rebalancer.daemon;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The daemon as a child JVM on the test classpath, with the module flags Chronicle and Agrona need (this JVM's own
 * {@code --add-opens}/{@code --add-exports}, as Surefire's argLine gives them), its stdout and stderr in files of
 * the test's directory. {@link #kill()} is SIGKILL ({@link Process#destroyForcibly()} on Linux).
 */
final class DaemonProcess implements AutoCloseable {
    /** What a process killed by SIGKILL exits with, as the JDK reports it on Linux (128 + 9). */
    static final int KILLED = 137;

    private final Process process;
    private final Path out;
    private final Path err;
    private final long startNanos = System.nanoTime();

    private DaemonProcess(final Process process, final Path out, final Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code RebalancerDaemon} in {@code dir} with these arguments.
     *
     * @param name       names the output files ({@code name.out}, {@code name.err})
     * @param properties system properties for the child, each {@code key=value}
     */
    static DaemonProcess start(final Path dir, final String name, final List<String> properties,
        final List<String> args) throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-opens") || flag.startsWith("--add-exports")) {
                command.add(flag);
            }
        }
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-Dchronicle.analytics.disable=true");
        command.add("-Dchronicle.announcer.disable=true");
        for (final String property : properties) {
            command.add("-D" + property);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RebalancerDaemon.class.getName()));
        command.addAll(args);
        final Path out = dir.resolve(name + ".out");
        final Path err = dir.resolve(name + ".err");
        final Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
            .redirectError(err.toFile()).start();
        return new DaemonProcess(process, out, err);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Wall time since the process was started. */
    long ageMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** SIGKILL, then waits for the process to be gone; returns its exit status. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the daemon survived SIGKILL for 30 s");
        }
        return process.exitValue();
    }

    /** SIGTERM, as Ctrl-C's twin: the daemon stops trading as {@code [orders] on-shutdown} says, then exits. */
    void terminate() {
        // Through the handle: Process.destroy() would also close our ends of its streams.
        process.toHandle().destroy();
    }

    /** Waits for the process to end by itself; -1 when it did not within the timeout. */
    int awaitExit(final long timeout, final TimeUnit unit) throws InterruptedException {
        return process.waitFor(timeout, unit) ? process.exitValue() : -1;
    }

    /** What the process printed, for failure messages. */
    String output() {
        return "--- stdout (" + out.getFileName() + ")\n" + read(out) + "--- stderr\n" + read(err);
    }

    String stdout() {
        return read(out);
    }

    private static String read(final Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (final IOException ex) {
            return ex.toString();
        }
    }

    /** Kills what is still running, as a test that failed half-way leaves it. */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}

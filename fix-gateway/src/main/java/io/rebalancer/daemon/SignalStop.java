package io.rebalancer.daemon;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C (SIGINT) and SIGTERM for the real process. A JVM shutdown hook asks the run to stop, waits (bounded)
 * until the run has stopped trading and printed its summary, then ends the process with the run's own exit status:
 * a JVM that a signal shut down would otherwise exit 130 or 143 even after a clean stop. While the hook waits, a
 * second SIGINT or SIGTERM halts the process at once (exit 130 or 143), for an operator who will not wait.
 */
final class SignalStop {
    private final Runnable requestStop;
    private final long maxWaitNanos;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger status = new AtomicInteger(RebalancerDaemon.EXIT_FAILED);
    private final Thread hook = new Thread(this::onSignal, "rebalancer-shutdown");

    /**
     * @param requestStop  asks the run to stop; any thread
     * @param maxWaitNanos how long the hook waits for the run to finish before it gives up (exit 1)
     */
    SignalStop(final Runnable requestStop, final long maxWaitNanos) {
        this.requestStop = requestStop;
        this.maxWaitNanos = maxWaitNanos;
    }

    void install() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * The run has printed its summary and flushed: a hook that is waiting ends the process with {@code exitStatus};
     * otherwise the hook is removed, so the caller's own exit does not wait for it.
     */
    void finished(final int exitStatus) {
        status.set(exitStatus);
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (final IllegalStateException shuttingDown) {
            // The hook is running: it ends the process with the status above.
            return;
        }
    }

    private void onSignal() {
        haltOnNextSignal();
        requestStop.run();
        final long deadline = System.nanoTime() + maxWaitNanos;
        boolean done = false;
        boolean waiting = true;
        while (waiting) {
            try {
                done = finished.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                waiting = false;
            } catch (final InterruptedException ex) {
                // Only the run's end or the deadline ends the wait: returning now would exit 143 without a summary.
                waiting = System.nanoTime() - deadline < 0;
            }
        }
        Runtime.getRuntime().halt(done ? status.get() : RebalancerDaemon.EXIT_FAILED);
    }

    /**
     * Once shutdown has begun the JVM ignores further signals (its own handler blocks behind the running hooks), so
     * a second Ctrl-C needs a handler of its own. {@code sun.misc.Signal} is the only way to install one; it is
     * reached by reflection because javac warns about it with no way to suppress the warning, and the build
     * treats warnings as errors. Without it, a second signal waits for the bounded stop like the first.
     */
    private static void haltOnNextSignal() {
        try {
            final Class<?> signal = Class.forName("sun.misc.Signal");
            final Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            final Method handle = signal.getMethod("handle", signal, handlerType);
            handle.invoke(null, signal.getConstructor(String.class).newInstance("INT"), halting(handlerType, 130));
            handle.invoke(null, signal.getConstructor(String.class).newInstance("TERM"), halting(handlerType, 143));
        } catch (final ReflectiveOperationException | RuntimeException | LinkageError ex) {
            // No handler: the stop goes on, and a second signal waits for it like the first.
            return;
        }
    }

    private static Object halting(final Class<?> handlerType, final int exitStatus) {
        final InvocationHandler halt = (proxy, method, args) -> {
            switch (method.getName()) {
                case "handle":
                    Runtime.getRuntime().halt(exitStatus);
                    return null;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    return "halt " + exitStatus;
            }
        };
        return Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType}, halt);
    }
}

package io.rebalancer.engine.pipeline;

/** Told, on the consuming thread, when a stage threw while handling an event. */
public interface FaultHandler {
    void onFault(long sequence, Throwable fault);
}

package io.rebalancer.engine.pipeline;

import com.lmax.disruptor.ExceptionHandler;

/**
 * The Disruptor's default handler would stop the consumer thread on the first exception and leave every
 * later fill unbooked. This one reports the fault (the engine halts trading) and lets the thread go on.
 */
final class EngineExceptionHandler implements ExceptionHandler<InboundEvent> {
    private final FaultHandler faults;

    EngineExceptionHandler(final FaultHandler faults) {
        this.faults = faults;
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final InboundEvent event) {
        faults.onFault(sequence, ex);
    }

    @Override
    public void handleOnStartException(final Throwable ex) {
        faults.onFault(-1, ex);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex) {
        faults.onFault(-1, ex);
    }
}

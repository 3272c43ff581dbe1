package io.perfcenter.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * The caller's request body as it streams to the service, telling when its last byte has passed: the service's
 * time to answer starts then, so a long upload does not count against the gateway timeout. When the service has
 * answered before the body ended (413, 429), {@link #cutShort} stops forwarding: the rest is read and dropped, and
 * the stream to the service neither ends nor fails, so the service's answer is not reset on its way to the caller.
 */
final class UploadEnd implements ReadStream<Buffer> {

    private final ReadStream<Buffer> body;
    private final Runnable onEnd;
    /** How much of a body answered early is read and dropped before the caller's connection closes. */
    private static final long MAX_DROPPED = 32L << 20;

    private volatile boolean cut;
    private long dropped;
    private Runnable close = () -> { };

    UploadEnd(ReadStream<Buffer> body, Runnable onEnd) {
        this.body = body;
        this.onEnd = onEnd;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        body.handler(handler == null ? null : data -> {
            if (!cut) {
                handler.handle(data);
            } else if ((dropped += data.length()) > MAX_DROPPED) {
                close.run();
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        if (!cut) {
            body.pause();
        }
        return this;
    }

    /**
     * The service answered already: what is left of the body is dropped as it arrives, and {@code close} runs once
     * it has all arrived or more than a few megabytes were dropped.
     */
    void cutShort(Runnable close) {
        this.close = close;
        cut = true;
        body.resume();
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        if (endHandler == null) {
            body.endHandler(null);
        } else {
            body.endHandler(v -> {
                onEnd.run();
                if (cut) {
                    close.run();
                } else {
                    endHandler.handle(v);
                }
            });
        }
        return this;
    }
}

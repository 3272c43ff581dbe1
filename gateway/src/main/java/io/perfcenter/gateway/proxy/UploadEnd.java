package io.perfcenter.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * The caller's request body as it streams to the service, telling when its last byte has passed: the service's
 * time to answer starts then, so a long upload does not count against the gateway timeout.
 */
final class UploadEnd implements ReadStream<Buffer> {

    private final ReadStream<Buffer> body;
    private final Runnable onEnd;

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
        body.handler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
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
                endHandler.handle(v);
            });
        }
        return this;
    }
}

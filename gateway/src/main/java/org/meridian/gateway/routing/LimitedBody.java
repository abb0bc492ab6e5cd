package org.meridian.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/**
 * A request body passed on as it arrives, counting the bytes actually read: a chunked body declares no length, so
 * the limit can only be enforced on what comes in. Once past the limit the stream fails (the proxy then aborts the
 * upstream request, so the service stores nothing) and the rest of the upload is read and thrown away, so that the
 * caller, still sending, can read the 413 before the connection is closed.
 */
final class LimitedBody implements ReadStream<Buffer> {

    /** How long a caller may go on sending after the 413 before the connection is closed anyway. */
    private static final long LINGER_MILLIS = 10_000;

    private final HttpServerRequest source;
    private final long limit;
    private final Vertx vertx;
    private Handler<Buffer> handler;
    private Handler<Throwable> exceptionHandler;
    private Handler<Void> endHandler;
    private long received;
    private boolean overflowed;
    private boolean sourceEnded;
    private boolean answered;

    LimitedBody(HttpServerRequest source, long limit, Vertx vertx) {
        this.source = source;
        this.limit = limit;
        this.vertx = vertx;
        source.pause();
        source.handler(this::data);
        source.endHandler(ignored -> end());
        source.exceptionHandler(this::failed);
    }

    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("request body over " + limit + " bytes", null, false, false);
        }
    }

    boolean overflowed() {
        return overflowed;
    }

    /** The 413 has been sent: the connection goes once the caller has finished sending. */
    void answered() {
        answered = true;
        if (sourceEnded) {
            source.connection().close();
        }
    }

    private void data(Buffer buffer) {
        if (overflowed) {
            return;
        }
        received += buffer.length();
        if (received <= limit) {
            if (handler != null) {
                handler.handle(buffer);
            }
            return;
        }
        overflowed = true;
        source.resume();
        vertx.setTimer(LINGER_MILLIS, ignored -> source.connection().close());
        if (exceptionHandler != null) {
            exceptionHandler.handle(new TooLarge(limit));
        }
    }

    private void end() {
        sourceEnded = true;
        if (overflowed) {
            if (answered) {
                source.connection().close();
            }
        } else if (endHandler != null) {
            endHandler.handle(null);
        }
    }

    private void failed(Throwable failure) {
        if (!overflowed && exceptionHandler != null) {
            exceptionHandler.handle(failure);
        }
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        if (!overflowed) {
            source.pause();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }
}

package org.meridian.platform.test.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.stream.Stream;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.JsonFormatter;

/**
 * Records the lines the running service's JSON console formatter makes of what is logged while it is open: the same
 * formatter and configuration as standard output (MERIDIAN_LOG_FORMAT=json), formatted at once on the logging thread
 * so the request's log context (MDC) is the one the console sees.
 */
public final class JsonLogCapture implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Logger root = LogContext.getLogContext().getLogger("");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ExtHandler handler;

    private JsonLogCapture(Formatter formatter) {
        handler = new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                lines.add(formatter.format(record));
            }
        };
        root.addHandler(handler);
    }

    /** Fails when the console does not log JSON (the test's profile must set MERIDIAN_LOG_FORMAT=json). */
    public static JsonLogCapture start() {
        Logger root = LogContext.getLogContext().getLogger("");
        Formatter formatter = jsonFormatter(root.getHandlers())
                .orElseThrow(() -> new IllegalStateException("the console does not log JSON"));
        return new JsonLogCapture(formatter);
    }

    private static Optional<Formatter> jsonFormatter(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler.getFormatter() instanceof JsonFormatter json) {
                return Optional.of(json);
            }
            if (handler instanceof ExtHandler parent) {
                Optional<Formatter> nested = jsonFormatter(parent.getHandlers());
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }

    /** Every captured line, each parsed as one JSON object (a line that is not one fails the test). */
    public List<JsonNode> lines() {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            if (line.strip().contains("\n")) {
                throw new AssertionError("a log event spans several lines: " + line);
            }
            try {
                parsed.add(JSON.readTree(line));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("not a JSON log line: " + line, e);
            }
        }
        return parsed;
    }

    public Stream<JsonNode> withMessageContaining(String text) {
        return lines().stream().filter(line -> line.path("message").asText().contains(text));
    }

    /** The first line whose message contains the text, waiting up to five seconds for it. */
    public JsonNode await(String text) {
        for (int i = 0; i < 100; i++) {
            Optional<JsonNode> found = withMessageContaining(text).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no log line with " + text + " among " + lines);
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}

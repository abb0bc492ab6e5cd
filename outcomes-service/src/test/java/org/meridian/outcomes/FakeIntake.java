package org.meridian.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.meridian.events.EventContract;

/**
 * A stand-in for intake-service's event feed (docs/events.md) on a free local port, scripted over HTTP:
 * {@code POST /fake/events} appends events (positions assigned here) that match the event contract's schemas, and
 * refuses the whole batch with 422 and the violations otherwise; {@code POST /fake/down|refuse|up} makes the feed
 * answer 503, or 401 to any token, or recover, {@code GET /fake/requests} lists what the consumer asked for and the Authorization header it
 * presented, {@code GET /fake/lookups} the link and pseudonym lookups with their traceparent header. {@code POST /fake/links}
 * registers a patient link (event contract's PatientLink) that the internal link lookup then answers. The pseudonym
 * lookup ({@code /internal/v1/intake/clinics/{clinicId}/pseudonyms/{pseudonymId}}) answers an IssuedPseudonym, checked
 * against the event contract, for every pseudonym intake issued: one of a PatientRegistered event, of a link, or one
 * posted to {@code POST /fake/pseudonyms} (issued, but its event not published yet); 404 for any other.
 * {@code POST /fake/hold-lookups} makes pseudonym lookups wait (the feed keeps answering) until
 * {@code POST /fake/release-lookups}; {@code GET /fake/held-lookups} counts those waiting.
 */
public class FakeIntake implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<ObjectNode> events = new ArrayList<>();
    private final List<ObjectNode> requests = new ArrayList<>();
    private final List<ObjectNode> lookups = new ArrayList<>();
    private final Map<String, ObjectNode> links = new HashMap<>();
    private final Set<String> issued = new HashSet<>();
    private boolean down;
    private boolean refusing;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final AtomicInteger heldLookups = new AtomicInteger();
    private volatile CountDownLatch lookupsHeld;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/intake/events", this::feed);
        // A thread per exchange, so that a held lookup leaves the feed and the script's calls answered.
        server.setExecutor(handlers);
        server.createContext("/internal/v1/intake/clinics/", exchange -> {
            holdIfAsked(exchange);
            link(exchange);
        });
        server.createContext("/fake/hold-lookups", exchange -> {
            lookupsHeld = new CountDownLatch(1);
            send(exchange, 204, null);
        });
        server.createContext("/fake/release-lookups", exchange -> {
            CountDownLatch held = lookupsHeld;
            lookupsHeld = null;
            if (held != null) {
                held.countDown();
            }
            send(exchange, 204, null);
        });
        server.createContext(
                "/fake/held-lookups", exchange -> send(exchange, 200, JSON.valueToTree(heldLookups.get())));
        server.createContext("/fake/events", this::append);
        server.createContext("/fake/links", this::addLink);
        server.createContext("/fake/pseudonyms", this::issue);
        server.createContext("/fake/down", exchange -> toggle(exchange, true));
        server.createContext("/fake/up", exchange -> toggle(exchange, false));
        server.createContext("/fake/refuse", exchange -> refuse(exchange));
        server.createContext("/fake/lookups", exchange -> {
            synchronized (this) {
                send(exchange, 200, JSON.valueToTree(lookups));
            }
        });
        server.createContext("/fake/requests", exchange -> {
            synchronized (this) {
                send(exchange, 200, JSON.valueToTree(requests));
            }
        });
        server.start();
        return Map.of(
                "meridian.intake.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        handlers.shutdownNow();
    }

    /** While lookups are held, a pseudonym lookup waits (outside the monitor) until they are released. */
    private void holdIfAsked(HttpExchange exchange) {
        CountDownLatch held = lookupsHeld;
        if (held == null || !exchange.getRequestURI().getPath().contains("/pseudonyms/")) {
            return;
        }
        heldLookups.incrementAndGet();
        try {
            held.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            heldLookups.decrementAndGet();
        }
    }

    private synchronized void feed(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        ObjectNode request = JSON.createObjectNode();
        request.put("after", after);
        request.put("limit", limit);
        request.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        requests.add(request);
        if (down) {
            send(exchange, 503, JSON.createObjectNode().put("title", "intake is down"));
            return;
        }
        if (refusing) {
            send(exchange, 401, JSON.createObjectNode().put("title", "Unauthorized"));
            return;
        }
        ArrayNode page = JSON.createArrayNode();
        long next = after;
        for (ObjectNode event : events) {
            if (event.get("position").asLong() > after && page.size() < limit) {
                page.add(event);
                next = event.get("position").asLong();
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("events", page);
        body.put("nextAfter", next);
        body.put(
                "head",
                events.stream()
                        .mapToLong(event -> event.get("position").asLong())
                        .max()
                        .orElse(0));
        send(exchange, 200, body);
    }

    /** intake's patient link: {@code /internal/v1/intake/clinics/{clinicId}/patients/{patientId}/link}. */
    private synchronized void link(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        lookups.add(JSON.createObjectNode()
                .put("path", exchange.getRequestURI().getPath())
                .put("traceparent", exchange.getRequestHeaders().getFirst("traceparent")));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            send(exchange, 401, JSON.createObjectNode().put("title", "Unauthorized"));
            return;
        }
        if (parts.length == 8 && parts[6].equals("pseudonyms")) {
            pseudonym(exchange, parts[5], parts[7]);
            return;
        }
        ObjectNode link = parts.length == 9 ? links.get(parts[5] + "/" + parts[7]) : null;
        if (down || link == null) {
            send(
                    exchange,
                    down ? 503 : 404,
                    JSON.createObjectNode().put("title", down ? "intake is down" : "Not Found"));
            return;
        }
        send(exchange, 200, link);
    }

    /** intake's pseudonym lookup, after the Authorization check: an IssuedPseudonym or 404. */
    private void pseudonym(HttpExchange exchange, String clinicId, String pseudonymId) throws IOException {
        if (down) {
            send(exchange, 503, JSON.createObjectNode().put("title", "intake is down"));
            return;
        }
        if (!issued.contains(clinicId + "/" + pseudonymId)) {
            send(exchange, 404, JSON.createObjectNode().put("title", "Not Found"));
            return;
        }
        ObjectNode answer = JSON.createObjectNode().put("clinicId", clinicId).put("pseudonymId", pseudonymId);
        List<String> problems = EventContract.get().violations(EventContract.ISSUED_PSEUDONYM, answer);
        if (!problems.isEmpty()) {
            send(exchange, 500, JSON.createObjectNode().set("violations", JSON.valueToTree(problems)));
            return;
        }
        send(exchange, 200, answer);
    }

    /** Issues a pseudonym in a clinic ({clinicId, pseudonymId}) without publishing its PatientRegistered event. */
    private synchronized void issue(HttpExchange exchange) throws IOException {
        JsonNode posted = JSON.readTree(exchange.getRequestBody());
        issued.add(posted.path("clinicId").asText() + "/"
                + posted.path("pseudonymId").asText());
        send(exchange, 204, null);
    }

    /** Registers a patient link, refused with 422 unless it matches the event contract's PatientLink. */
    private synchronized void addLink(HttpExchange exchange) throws IOException {
        ObjectNode link = (ObjectNode) JSON.readTree(exchange.getRequestBody());
        List<String> problems = EventContract.get().violations(EventContract.PATIENT_LINK, link);
        if (!problems.isEmpty()) {
            send(exchange, 422, JSON.createObjectNode().set("violations", JSON.valueToTree(problems)));
            return;
        }
        links.put(link.path("clinicId").asText() + "/" + link.path("patientId").asText(), link);
        issued.add(
                link.path("clinicId").asText() + "/" + link.path("pseudonymId").asText());
        send(exchange, 204, null);
    }

    /** Appends every posted event, or none if one of them breaks the event contract (answered 422 with the reasons). */
    private synchronized void append(HttpExchange exchange) throws IOException {
        JsonNode posted = JSON.readTree(exchange.getRequestBody());
        List<ObjectNode> appended = new ArrayList<>();
        ArrayNode problems = JSON.createArrayNode();
        for (JsonNode node : posted) {
            ObjectNode event = ((ObjectNode) node).deepCopy();
            long position = events.size() + appended.size() + 1L;
            event.put("position", position);
            EventContract.get()
                    .violations(event)
                    .forEach(problem -> problems.add("position " + position + ": " + problem));
            appended.add(event);
        }
        if (!problems.isEmpty()) {
            send(exchange, 422, JSON.createObjectNode().set("violations", problems));
            return;
        }
        ArrayNode positions = JSON.createArrayNode();
        appended.forEach(event -> positions.add(event.get("position").asLong()));
        events.addAll(appended);
        appended.stream()
                .filter(event -> event.path("type").asText().equals("PatientRegistered"))
                .forEach(event -> issued.add(event.path("clinicId").asText() + "/"
                        + event.path("pseudonymId").asText()));
        send(exchange, 200, positions);
    }

    private synchronized void refuse(HttpExchange exchange) throws IOException {
        refusing = true;
        send(exchange, 204, null);
    }

    private synchronized void toggle(HttpExchange exchange, boolean value) throws IOException {
        down = value;
        refusing = false;
        send(exchange, 204, null);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(
                        parts[0], parts.length > 1 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }
}

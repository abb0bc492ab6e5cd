package org.meridian.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service behind the gateway: the public path prefix it owns and its replicas (one or more origins, from a
 * comma-separated MERIDIAN_INTAKE_URL / MERIDIAN_OUTCOMES_URL). Requests go round-robin over the origins.
 */
record Upstream(String name, String pathPrefix, List<Origin> origins, AtomicInteger next) {

    record Origin(String host, int port) {
        static Origin of(URI url) {
            int port = url.getPort() != -1 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
            return new Origin(url.getHost(), port);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    static Upstream of(String name, String pathPrefix, List<URI> urls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("No URL for " + name);
        }
        return new Upstream(name, pathPrefix, urls.stream().map(Origin::of).toList(), new AtomicInteger());
    }

    /** Every origin once, starting with the next one's turn: the first to try, then where to fail over. */
    List<Origin> rotation() {
        int first = Math.floorMod(next.getAndIncrement(), origins.size());
        List<Origin> order = new ArrayList<>(origins.size());
        for (int i = 0; i < origins.size(); i++) {
            order.add(origins.get((first + i) % origins.size()));
        }
        return order;
    }
}

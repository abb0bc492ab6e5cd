package org.meridian.gateway.routing;

import java.net.URI;

/** A service behind the gateway: the public path prefix it owns and where it listens. */
record Upstream(String name, String pathPrefix, String host, int port) {

    static Upstream of(String name, String pathPrefix, URI url) {
        int port = url.getPort() != -1 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
        return new Upstream(name, pathPrefix, url.getHost(), port);
    }
}

package org.meridian.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.http.RawHttp;
import org.meridian.platform.test.security.TestTokens;

/**
 * A caller that closes its connection as soon as it has read the answer (Python's urllib, curl with Connection:
 * close) must not cost the next caller anything. Vert.x's proxy resets the upstream request when the caller's
 * connection closes before the gateway has finished its response; by then the upstream connection may already carry
 * the next request, which then failed with a 502 "Connection was closed" (seen on 3 December 2026 in the benchmarks'
 * patient registrations, one in a few hundred, more on a loaded machine).
 */
@QuarkusTest
@QuarkusTestResource(
        value = FakeUpstreams.class,
        restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "meridian.gateway.rate-limit.user-per-minute", value = "1000000"))
class CallerHangsUpTest {

    private static final int REQUESTS = 600;

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void callersWhoHangUpRightAfterTheirAnswerNeverCostTheNextOneA502() throws IOException {
        Map<String, String> headers = Map.of(
                "Authorization", "Bearer " + TestTokens.practitioner(UUID.randomUUID()),
                "Content-Type", "application/json",
                "Connection", "close");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            RawHttp.Response response = RawHttp.send(
                    "127.0.0.1",
                    gateway.getPort(),
                    "POST",
                    "/api/v1/intake/clinics/c/patients",
                    headers,
                    "{\"familyName\":\"Patient " + i + "\"}");
            if (response.status() != 200) {
                failures.add("request " + i + ": " + response.status() + " " + response.body());
            }
        }
        assertThat(failures).isEmpty();
    }
}

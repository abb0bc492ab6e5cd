package org.meridian.intake.support;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import org.meridian.platform.test.security.TestTokens;

/**
 * Functional resource tests call the API as the staff of the clinic in the request's path (a token with the
 * practitioner and clinic-admin roles and that clinic's id; outside a clinic, an admin's token), so that they
 * exercise real token verification without repeating it in every call. A request that sets its own Authorization
 * header, as the authorization tests do, is left untouched; /internal calls get the service credential instead.
 * Registered for every Quarkus test class as a Quarkus test callback (META-INF/services), which runs in the test
 * application's class loader, where the tests' RestAssured lives. The test bodies shared with outcomes (platform-test)
 * set every token themselves, as outcomes' tests do, so the filter is off while they run.
 */
public class ClinicStaffTokens implements QuarkusTestBeforeClassCallback {

    private static final Pattern CLINIC_IN_PATH = Pattern.compile("/clinics/([0-9a-fA-F-]{36})");
    private static final Filter FILTER = new StaffTokenFilter();

    @Override
    public void beforeClass(Class<?> testClass) {
        List<Filter> others = RestAssured.filters().stream().filter(filter -> filter != FILTER).toList();
        RestAssured.replaceFiltersWith(isSharedTestBody(testClass) ? others
                : Stream.concat(others.stream(), Stream.of(FILTER)).toList());
    }

    private static boolean isSharedTestBody(Class<?> testClass) {
        return testClass.getSuperclass().getPackageName().startsWith("org.meridian.platform.test");
    }

    private static final class StaffTokenFilter implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            String path = request.getURI();
            if (path.contains("/internal/")) {
                if (!request.getHeaders().hasHeaderWithName("X-Service-Token")) {
                    request.header("X-Service-Token", TestTokens.INTERNAL_TOKEN);
                }
            } else if (!request.getHeaders().hasHeaderWithName("Authorization") && !request.getHeaders().hasHeaderWithName("X-No-Auth")) {
                Matcher clinic = CLINIC_IN_PATH.matcher(path);
                request.header("Authorization", "Bearer " + (clinic.find()
                        ? TestTokens.staff(UUID.fromString(clinic.group(1)))
                        : TestTokens.admin()));
            }
            request.removeHeader("X-No-Auth");
            return context.next(request, response);
        }
    }
}

package org.meridian.gateway.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The services' path templates ({@code /api/v1/intake/clinics/{clinicId}}), as their OpenAPI documents list them,
 * and which of them a concrete path is an instance of. Where two match, the one with a literal segment earlier wins
 * ({@code /patients/search} before {@code /patients/{patientId}}).
 */
final class RouteTemplates {

    private final List<String[]> templates;

    private RouteTemplates(List<String[]> templates) {
        this.templates = templates;
    }

    static RouteTemplates of(Collection<String> templates) {
        List<String[]> split = new ArrayList<>();
        for (String template : templates) {
            split.add(segments(template));
        }
        split.sort(RouteTemplates::literalFirst);
        return new RouteTemplates(List.copyOf(split));
    }

    boolean isEmpty() {
        return templates.isEmpty();
    }

    Optional<String> match(String path) {
        String[] segments = segments(path);
        for (String[] template : templates) {
            if (matches(template, segments)) {
                return Optional.of("/" + String.join("/", template));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean parameter = isParameter(template[i]);
            if (parameter ? segments[i].isEmpty() : !template[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static int literalFirst(String[] a, String[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean aParameter = isParameter(a[i]);
            boolean bParameter = isParameter(b[i]);
            if (aParameter != bParameter) {
                return aParameter ? 1 : -1;
            }
        }
        return Comparator.<String[]>comparingInt(template -> template.length)
                .thenComparing(template -> String.join("/", template))
                .compare(a, b);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.split("/", -1);
    }
}

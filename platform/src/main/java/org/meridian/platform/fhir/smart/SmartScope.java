package org.meridian.platform.fhir.smart;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART on FHIR resource scope, such as {@code patient/Observation.rs} or {@code user/*.cruds}: a context, a
 * resource type (or {@code *} for every type) and the interactions it grants.
 */
public record SmartScope(ScopeContext context, String resourceType, Set<FhirInteraction> interactions) {

    public static final String ANY_TYPE = "*";

    /** context/Type.permissions, where Type is a FHIR resource type name or *. */
    private static final Pattern SHAPE = Pattern.compile("(patient|user|system)/([A-Z][A-Za-z]*|\\*)\\.([a-z*]+)");

    /**
     * The resource scope {@code text} names, or empty for any other scope ({@code openid}, {@code launch/patient},
     * {@code offline_access}, ...), a malformed one, and one narrowed by a query ({@code patient/Observation.rs?category=
     * laboratory}): Meridian cannot enforce such a narrowing yet, so it grants nothing rather than more than it says.
     */
    public static Optional<SmartScope> parse(String text) {
        Matcher matcher = SHAPE.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        ScopeContext context = ScopeContext.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
        return FhirInteraction.parse(matcher.group(3))
                .map(interactions -> new SmartScope(context, matcher.group(2), Set.copyOf(interactions)));
    }

    public boolean grants(String type, FhirInteraction interaction) {
        return (ANY_TYPE.equals(resourceType) || resourceType.equals(type)) && interactions.contains(interaction);
    }
}

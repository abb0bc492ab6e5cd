package org.meridian.platform.fhir.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmartScopesTest {

    @Test
    void aV2ScopeGrantsItsLettersOnItsType() {
        SmartScope scope = SmartScope.parse("patient/Observation.rs").orElseThrow();
        assertThat(scope.context()).isEqualTo(ScopeContext.PATIENT);
        assertThat(scope.resourceType()).isEqualTo("Observation");
        assertThat(scope.interactions()).containsExactlyInAnyOrder(FhirInteraction.READ, FhirInteraction.SEARCH);
        assertThat(scope.grants("Observation", FhirInteraction.READ)).isTrue();
        assertThat(scope.grants("Observation", FhirInteraction.CREATE)).isFalse();
        assertThat(scope.grants("QuestionnaireResponse", FhirInteraction.READ)).isFalse();
    }

    @Test
    void aWildcardTypeGrantsEveryType() {
        SmartScope scope = SmartScope.parse("user/*.cruds").orElseThrow();
        assertThat(scope.interactions()).isEqualTo(EnumSet.allOf(FhirInteraction.class));
        assertThat(scope.grants("Patient", FhirInteraction.DELETE)).isTrue();
    }

    @Test
    void v1PermissionsAreReadAsTheirV2Letters() {
        assertThat(SmartScope.parse("user/Patient.read").orElseThrow().interactions())
                .containsExactlyInAnyOrder(FhirInteraction.READ, FhirInteraction.SEARCH);
        assertThat(SmartScope.parse("system/*.write").orElseThrow().interactions())
                .containsExactlyInAnyOrder(FhirInteraction.CREATE, FhirInteraction.UPDATE, FhirInteraction.DELETE);
        assertThat(SmartScope.parse("patient/*.*").orElseThrow().interactions())
                .isEqualTo(EnumSet.allOf(FhirInteraction.class));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "openid",
                "launch/patient",
                "fhirUser",
                "offline_access",
                "patient/Observation.sr", // letters out of cruds order
                "patient/Observation.rr",
                "patient/Observation.rx",
                "patient/Observation.",
                "patient/observation.rs", // not a resource type name
                "clinic/Observation.rs",
                "patient/Observation.rs?category=laboratory", // a narrowing Meridian cannot enforce grants nothing
                "patient/Observation",
                "user/*.readwrite"
            })
    void otherScopesGrantNothing(String text) {
        assertThat(SmartScope.parse(text)).isEmpty();
    }

    @Test
    void aUserOrSystemGrantIsPreferredToAPatientOne() {
        SmartScopes scopes = SmartScopes.parse("openid patient/*.rs user/Observation.r");
        assertThat(scopes.grant("Observation", FhirInteraction.READ)).contains(ScopeContext.USER);
        assertThat(scopes.grant("Observation", FhirInteraction.SEARCH)).contains(ScopeContext.PATIENT);
        assertThat(scopes.grant("Observation", FhirInteraction.CREATE)).isEmpty();
        assertThat(SmartScopes.parse("system/Patient.rs patient/Patient.rs").grant("Patient", FhirInteraction.READ))
                .contains(ScopeContext.SYSTEM);
    }

    @Test
    void noClaimGrantsNothing() {
        assertThat(SmartScopes.parse(null).grant("Patient", FhirInteraction.READ))
                .isEqualTo(Optional.empty());
        assertThat(SmartScopes.parse("  ").grant("Patient", FhirInteraction.READ))
                .isEmpty();
        assertThat(SmartScopes.parse("  user/Patient.r   openid ").grant("Patient", FhirInteraction.READ))
                .contains(ScopeContext.USER);
    }
}

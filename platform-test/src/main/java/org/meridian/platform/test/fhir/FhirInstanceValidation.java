package org.meridian.platform.test.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The HAPI FHIR instance validator against the R4 base specification, offline, plus what a service adds (its code
 * systems, extension definitions, Questionnaires). There is no terminology server offline: an error that only says a
 * code of the named external code system (SNOMED CT, LOINC) could not be looked up counts as a warning. The validator
 * takes seconds to initialise, so a test module builds one and keeps it.
 */
public final class FhirInstanceValidation {

    public static final FhirContext CONTEXT = FhirContext.forR4Cached();

    /** What the validator said about one resource. */
    public record Report(
            String resource, List<SingleValidationMessage> errors, List<SingleValidationMessage> warnings) {

        public String describeErrors() {
            StringBuilder text = new StringBuilder(resource)
                    .append(" has ")
                    .append(errors.size())
                    .append(" errors:");
            errors.forEach(message -> text.append("\n  ")
                    .append(message.getLocationString())
                    .append(": ")
                    .append(message.getMessage()));
            return text.toString();
        }
    }

    private final FhirValidator validator;
    private final String offlineCodeSystem;
    private final Predicate<SingleValidationMessage> alsoAnError;

    private FhirInstanceValidation(Builder builder) {
        List<IValidationSupport> supports = new ArrayList<>(List.of(
                new DefaultProfileValidationSupport(CONTEXT),
                new CommonCodeSystemsTerminologyService(CONTEXT),
                new InMemoryTerminologyServerValidationSupport(CONTEXT),
                new SnapshotGeneratingValidationSupport(CONTEXT)));
        builder.supports.forEach(support -> supports.add(support.apply(CONTEXT)));
        FhirInstanceValidator module =
                new FhirInstanceValidator(new ValidationSupportChain(supports.toArray(IValidationSupport[]::new)));
        if (builder.rejectUnknownExtensions) {
            if (builder.customExtensionDomain != null) {
                module.setCustomExtensionDomains(builder.customExtensionDomain);
            }
            module.setAnyExtensionsAllowed(false);
        }
        validator = CONTEXT.newValidator();
        validator.registerValidatorModule(module);
        offlineCodeSystem = builder.offlineCodeSystem;
        alsoAnError = builder.alsoAnError;
    }

    /** Against the R4 base specification alone. */
    public static Builder r4() {
        return new Builder();
    }

    /** Validates the resource as it is served: encoded by the same JSON parser, then parsed by the validator. */
    public Report validate(IBaseResource resource) {
        return validate(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), json(resource));
    }

    /** Validates a response body exactly as served. */
    public Report validate(String json) {
        IBaseResource parsed = CONTEXT.newJsonParser().parseResource(json);
        return validate(parsed.fhirType() + "/" + parsed.getIdElement().getIdPart(), json);
    }

    /** Validates each resource, keeping its report in {@code reports}, and fails on one with errors. */
    public void assertValid(List<? extends IBaseResource> resources, List<Report> reports) {
        assertThat(resources).isNotEmpty();
        for (IBaseResource resource : resources) {
            Report report = validate(resource);
            reports.add(report);
            assertThat(report.errors()).as(report::describeErrors).isEmpty();
        }
    }

    /** Prints the totals of a test class's reports and every warning, so that warnings are seen and not piled up. */
    public static void printSummary(String title, List<Report> reports) {
        int warnings =
                reports.stream().mapToInt(report -> report.warnings().size()).sum();
        System.out.printf(
                "%s: %d resources, %d errors, %d warnings%n",
                title,
                reports.size(),
                reports.stream().mapToInt(report -> report.errors().size()).sum(),
                warnings);
        reports.forEach(report -> report.warnings()
                .forEach(warning -> System.out.printf(
                        "  warning %s %s: %s%n",
                        report.resource(), warning.getLocationString(), warning.getMessage())));
    }

    public static String json(IBaseResource resource) {
        return CONTEXT.newJsonParser().encodeResourceToString(resource);
    }

    private Report validate(String name, String json) {
        List<SingleValidationMessage> errors = new ArrayList<>();
        List<SingleValidationMessage> warnings = new ArrayList<>();
        for (SingleValidationMessage message :
                validator.validateWithResult(json).getMessages()) {
            boolean error = message.getSeverity() == ResultSeverityEnum.ERROR
                    || message.getSeverity() == ResultSeverityEnum.FATAL;
            if ((error && !isUnavailableOfflineLookup(message)) || alsoAnError.test(message)) {
                errors.add(message);
            } else if (error || message.getSeverity() == ResultSeverityEnum.WARNING) {
                warnings.add(message);
            }
        }
        return new Report(name, errors, warnings);
    }

    private boolean isUnavailableOfflineLookup(SingleValidationMessage message) {
        String text = message.getMessage();
        return offlineCodeSystem != null
                && text != null
                && text.contains(offlineCodeSystem)
                && (text.contains("nknown")
                        || text.contains("could not be found")
                        || text.contains("not found")
                        || text.contains("unable to")
                        || text.contains("Unable to"));
    }

    public static final class Builder {

        private final List<Function<FhirContext, IValidationSupport>> supports = new ArrayList<>();
        private boolean rejectUnknownExtensions;
        private String customExtensionDomain;
        private String offlineCodeSystem;
        private Predicate<SingleValidationMessage> alsoAnError = message -> false;

        private Builder() {}

        /** A service's own conformance resources, after the base specification's. */
        public Builder with(Function<FhirContext, IValidationSupport> support) {
            supports.add(support);
            return this;
        }

        /** Extensions must have a definition; {@code customDomain} (may be null) is the service's canonical one. */
        public Builder rejectingUnknownExtensions(String customDomain) {
            rejectUnknownExtensions = true;
            customExtensionDomain = customDomain;
            return this;
        }

        /** The external code system (its URL) whose codes cannot be looked up offline. */
        public Builder offline(String codeSystem) {
            offlineCodeSystem = codeSystem;
            return this;
        }

        /** Messages the validator only warns about that are failures for Meridian. */
        public Builder failing(Predicate<SingleValidationMessage> message) {
            alsoAnError = message;
            return this;
        }

        public FhirInstanceValidation build() {
            return new FhirInstanceValidation(this);
        }
    }
}

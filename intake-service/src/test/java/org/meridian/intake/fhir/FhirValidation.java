package org.meridian.intake.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.meridian.intake.domain.Acupoint;

/**
 * The HAPI FHIR instance validator against the R4 base specification, offline. Meridian's code systems (WHO
 * acupoints, needle sides, adverse event types) are pre-loaded, so local codes and displays are checked. There is no
 * terminology server offline: an error that only says a SNOMED CT code could not be looked up is counted as a warning
 * (the codes Meridian emits are fixed: 44868003, 279039007, 23056005, and tests check that no other is used).
 * Built once per JVM and shared by the test classes because the validator takes seconds to initialise.
 */
final class FhirValidation {

    static final FhirContext CONTEXT = FhirContext.forR4Cached();
    /** The acupoint catalogue the service ships, read from the same classpath resource. */
    static final List<Acupoint> ACUPOINTS = loadAcupoints();
    static final Map<String, Acupoint> ACUPOINTS_BY_CODE = ACUPOINTS.stream()
            .collect(Collectors.toMap(Acupoint::code, Function.identity()));
    private static FhirValidator validator;

    /** What the validator said about one resource. */
    record Report(String resource, List<SingleValidationMessage> errors, List<SingleValidationMessage> warnings) {

        String describeErrors() {
            StringBuilder text = new StringBuilder(resource).append(" has ").append(errors.size()).append(" errors:");
            errors.forEach(message -> text.append("\n  ").append(message.getLocationString()).append(": ")
                    .append(message.getMessage()));
            return text.toString();
        }
    }

    private FhirValidation() {
    }

    static Optional<Acupoint> acupoint(String code) {
        return Optional.ofNullable(code == null ? null : ACUPOINTS_BY_CODE.get(code.toUpperCase(Locale.ROOT)));
    }

    /** Validates the resource as it is served: encoded by the same JSON parser, then parsed by the validator. */
    static Report validate(IBaseResource resource) {
        String name = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        return validate(name, CONTEXT.newJsonParser().encodeResourceToString(resource));
    }

    /** Validates a response body exactly as served. */
    static Report validate(String json) {
        IBaseResource parsed = CONTEXT.newJsonParser().parseResource(json);
        return validate(parsed.fhirType() + "/" + parsed.getIdElement().getIdPart(), json);
    }

    private static Report validate(String name, String json) {
        List<SingleValidationMessage> errors = new ArrayList<>();
        List<SingleValidationMessage> warnings = new ArrayList<>();
        for (SingleValidationMessage message : validator().validateWithResult(json).getMessages()) {
            boolean error = message.getSeverity() == ResultSeverityEnum.ERROR
                    || message.getSeverity() == ResultSeverityEnum.FATAL;
            if (error && !isUnavailableSnomedLookup(message)) {
                errors.add(message);
            } else if (error || message.getSeverity() == ResultSeverityEnum.WARNING) {
                warnings.add(message);
            }
        }
        return new Report(name, errors, warnings);
    }

    static String json(IBaseResource resource) {
        return CONTEXT.newJsonParser().encodeResourceToString(resource);
    }

    private static boolean isUnavailableSnomedLookup(SingleValidationMessage message) {
        String text = message.getMessage();
        return text != null && text.contains("http://snomed.info/sct")
                && (text.contains("nknown") || text.contains("could not be found") || text.contains("not found")
                        || text.contains("unable to") || text.contains("Unable to"));
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            PrePopulatedValidationSupport meridian = new PrePopulatedValidationSupport(CONTEXT);
            IntakeCodeSystems.all(ACUPOINTS).forEach(meridian::addCodeSystem);
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(CONTEXT),
                    new CommonCodeSystemsTerminologyService(CONTEXT),
                    new InMemoryTerminologyServerValidationSupport(CONTEXT),
                    new SnapshotGeneratingValidationSupport(CONTEXT),
                    meridian);
            FhirInstanceValidator module = new FhirInstanceValidator(chain);
            module.setCustomExtensionDomains(MeridianFhir.CANONICAL_BASE + "/StructureDefinition/");
            module.setAnyExtensionsAllowed(false);
            FhirValidator created = CONTEXT.newValidator();
            created.registerValidatorModule(module);
            validator = created;
        }
        return validator;
    }

    private static List<Acupoint> loadAcupoints() {
        InputStream stream = FhirValidation.class.getClassLoader()
                .getResourceAsStream("acupoints/who-standard-acupoints.csv");
        if (stream == null) {
            throw new IllegalStateException("acupoint catalogue missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("code,"))
                    .map(line -> line.split(",", -1))
                    .map(fields -> new Acupoint(fields[0], fields[1], fields[2], fields[3],
                            Boolean.parseBoolean(fields[4])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

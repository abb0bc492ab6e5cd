package org.meridian.intake.fhir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.meridian.intake.domain.Acupoint;
import org.meridian.platform.test.fhir.FhirInstanceValidation;

/**
 * Intake's resources validated offline against R4 with Meridian's code systems (WHO acupoints, needle sides, adverse
 * event types) pre-loaded, so local codes and displays are checked. SNOMED CT cannot be looked up offline (the codes
 * Meridian emits are fixed: 44868003, 279039007, 23056005, and tests check that no other is used). Built once per JVM
 * and shared by the test classes.
 */
final class FhirValidation {

    /** The acupoint catalogue the service ships, read from the same classpath resource. */
    static final List<Acupoint> ACUPOINTS = loadAcupoints();

    static final Map<String, Acupoint> ACUPOINTS_BY_CODE =
            ACUPOINTS.stream().collect(Collectors.toMap(Acupoint::code, Function.identity()));
    private static FhirInstanceValidation validation;

    private FhirValidation() {}

    static Optional<Acupoint> acupoint(String code) {
        return Optional.ofNullable(code == null ? null : ACUPOINTS_BY_CODE.get(code.toUpperCase(Locale.ROOT)));
    }

    static synchronized FhirInstanceValidation validator() {
        if (validation == null) {
            validation = FhirInstanceValidation.r4()
                    .with(context -> {
                        PrePopulatedValidationSupport meridian = new PrePopulatedValidationSupport(context);
                        IntakeCodeSystems.all(ACUPOINTS).forEach(meridian::addCodeSystem);
                        return meridian;
                    })
                    .rejectingUnknownExtensions(MeridianFhir.CANONICAL_BASE + "/StructureDefinition/")
                    .offline("http://snomed.info/sct")
                    .build();
        }
        return validation;
    }

    private static List<Acupoint> loadAcupoints() {
        InputStream stream =
                FhirValidation.class.getClassLoader().getResourceAsStream("acupoints/who-standard-acupoints.csv");
        if (stream == null) {
            throw new IllegalStateException("acupoint catalogue missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("code,"))
                    .map(line -> line.split(",", -1))
                    .map(fields ->
                            new Acupoint(fields[0], fields[1], fields[2], fields[3], Boolean.parseBoolean(fields[4])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

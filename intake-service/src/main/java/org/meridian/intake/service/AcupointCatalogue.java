package org.meridian.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.meridian.intake.domain.Acupoint;

/**
 * The WHO standard acupuncture points shipped with the service ({@value #RESOURCE}): the 361 points of the 14 meridians
 * and the 48 WHO extra points. Session points are validated against it.
 */
@ApplicationScoped
public class AcupointCatalogue {

    static final String RESOURCE = "acupoints/who-standard-acupoints.csv";

    private final Map<String, Acupoint> byCode;

    AcupointCatalogue() {
        this.byCode = Collections.unmodifiableMap(load());
    }

    /** Every point, in catalogue order (by meridian, then number). */
    public List<Acupoint> all() {
        return List.copyOf(byCode.values());
    }

    /** The point with this WHO code; case is ignored ("bl23" finds BL23). */
    public Optional<Acupoint> find(String code) {
        return code == null
                ? Optional.empty()
                : Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    private static Map<String, Acupoint> load() {
        Map<String, Acupoint> points = new LinkedHashMap<>();
        InputStream stream = AcupointCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("The acupoint catalogue " + RESOURCE + " is missing from the build");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("code,"))
                    .map(line -> line.split(",", -1))
                    .forEach(fields -> points.put(
                            fields[0],
                            new Acupoint(fields[0], fields[1], fields[2], fields[3], Boolean.parseBoolean(fields[4]))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return points;
    }
}

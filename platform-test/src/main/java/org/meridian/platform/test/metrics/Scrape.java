package org.meridian.platform.test.metrics;

import static io.restassured.RestAssured.given;

import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One read of a management port's /q/metrics (Prometheus text format), to compare series before and after a request.
 * A sample's exemplar ({@code # {trace_id=...} ...} after the value) is ignored.
 */
public final class Scrape {

    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{((?:[^}\"]|\"(?:[^\"\\\\]|\\\\.)*\")*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public record Sample(String name, Map<String, String> labels, double value) {}

    private final String text;
    private final List<Sample> samples = new ArrayList<>();

    private Scrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, number(sample.group(3))));
        }
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    public static Scrape of(URL metrics) {
        return new Scrape(
                given().when().get(metrics).then().statusCode(200).extract().asString());
    }

    public String text() {
        return text;
    }

    /** The series with exactly these labels; 0 when it does not exist (a counter not yet moved). */
    public double value(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name) && sample.labels().equals(labels))
                .mapToDouble(Sample::value)
                .sum();
    }

    /** Whether any series of the name exists. */
    public boolean has(String name, Map<String, String> labels) {
        return samples.stream()
                .anyMatch(
                        sample -> sample.name().equals(name) && sample.labels().equals(labels));
    }

    /** The latency buckets of docs/observability.md, as Prometheus renders their {@code le} labels. */
    public static final List<String> LATENCY_BUCKETS =
            List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf");

    /** The {@code le} labels of a timer's buckets in the series whose other labels are {@code labels}. */
    public List<String> buckets(String timer, Map<String, String> labels) {
        return samples.stream()
                .filter(sample -> sample.name().equals(timer + "_bucket"))
                .filter(sample -> {
                    Map<String, String> others = new LinkedHashMap<>(sample.labels());
                    others.remove("le");
                    return others.equals(labels);
                })
                .map(sample -> sample.labels().get("le"))
                .toList();
    }

    /** Every sample of a name, such as each {@code le} bucket of a histogram. */
    public List<Sample> all(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }
}

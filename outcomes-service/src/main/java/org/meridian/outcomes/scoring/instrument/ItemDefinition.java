package org.meridian.outcomes.scoring.instrument;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One question of an instrument.
 *
 * @param code the item code used in the API and as the FHIR {@code linkId}
 * @param text display text where the licence allows it; otherwise a neutral name ("Walking", "Statement 3")
 * @param responseOptions the allowed answer codes; any other answer is invalid
 * @param loincCode the item's LOINC code when docs/scoring.md#licences-and-loinc-codes gives one
 */
public record ItemDefinition(
        String code, String text, List<ResponseOption> responseOptions, Optional<String> loincCode) {

    public ItemDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(loincCode, "loincCode");
        responseOptions = List.copyOf(responseOptions);
        if (responseOptions.isEmpty()) {
            throw new IllegalArgumentException("item " + code + " has no response options");
        }
        if (responseOptions.stream()
                        .map(ResponseOption::value)
                        .collect(Collectors.toCollection(HashSet::new))
                        .size()
                != responseOptions.size()) {
            throw new IllegalArgumentException("item " + code + " has duplicate response values");
        }
    }

    public ItemDefinition(String code, String text, List<ResponseOption> responseOptions) {
        this(code, text, responseOptions, Optional.empty());
    }

    public ItemDefinition(String code, String text, List<ResponseOption> responseOptions, String loincCode) {
        this(code, text, responseOptions, Optional.of(loincCode));
    }

    public boolean allows(int value) {
        return responseOptions.stream().anyMatch(option -> option.value() == value);
    }

    public int minimumValue() {
        return responseOptions.stream().mapToInt(ResponseOption::value).min().orElseThrow();
    }

    public int maximumValue() {
        return responseOptions.stream().mapToInt(ResponseOption::value).max().orElseThrow();
    }

    /** "0..5" when the codes are consecutive, otherwise the list ("1, 3, 5"); for error messages. */
    public String describeCodes() {
        if (maximumValue() - minimumValue() + 1 == responseOptions.size()) {
            return minimumValue() + ".." + maximumValue();
        }
        return responseOptions.stream()
                .map(option -> String.valueOf(option.value()))
                .collect(Collectors.joining(", "));
    }
}

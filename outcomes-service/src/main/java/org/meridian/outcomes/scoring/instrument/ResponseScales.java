package org.meridian.outcomes.scoring.instrument;

import java.util.ArrayList;
import java.util.List;

/** Builders for the response option lists the instruments share. */
final class ResponseScales {

    private ResponseScales() {}

    /** Consecutive integer codes labelled by their number, with word anchors at both ends. */
    static List<ResponseOption> numeric(int min, int max, String minAnchor, String maxAnchor) {
        List<ResponseOption> options = new ArrayList<>();
        for (int value = min; value <= max; value++) {
            String label = value == min ? minAnchor : value == max ? maxAnchor : String.valueOf(value);
            options.add(new ResponseOption(value, label));
        }
        return List.copyOf(options);
    }

    /** Consecutive integer codes starting at {@code firstValue}, one label each. */
    static List<ResponseOption> labelled(int firstValue, String... labels) {
        List<ResponseOption> options = new ArrayList<>();
        for (int index = 0; index < labels.length; index++) {
            options.add(new ResponseOption(firstValue + index, labels[index]));
        }
        return List.copyOf(options);
    }

    static List<ResponseOption> zeroToTenPain() {
        return numeric(0, 10, "No pain", "Worst imaginable pain");
    }

    static List<ResponseOption> noYes() {
        return labelled(0, "No", "Yes");
    }

    static List<ResponseOption> disagreeAgree() {
        return labelled(0, "Disagree", "Agree");
    }

    /** PROMIS pain interference: 1 not at all .. 5 very much. */
    static List<ResponseOption> promisInterference() {
        return labelled(1, "Not at all", "A little bit", "Somewhat", "Quite a bit", "Very much");
    }

    /** PROMIS physical function: 5 without any difficulty .. 1 unable to do, in code order. */
    static List<ResponseOption> promisPhysicalFunction() {
        return labelled(
                1,
                "Unable to do",
                "With much difficulty",
                "With some difficulty",
                "With a little difficulty",
                "Without any difficulty");
    }
}

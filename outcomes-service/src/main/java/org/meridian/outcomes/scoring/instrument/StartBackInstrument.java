package org.meridian.outcomes.scoring.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.meridian.outcomes.scoring.rule.StartBackRule;

/** Keele STarT Back Screening Tool, 9 items; a risk screen, not a change measure (docs/scoring.md#start-back). */
final class StartBackInstrument {

    static final String VERSION = "1.0";
    static final String BOTHERSOMENESS_ITEM = "sbt_09_bothersomeness";
    static final String LICENCE = "Keele STarT Back Screening Tool, (c) Keele University: free for non-commercial"
            + " use; commercial use needs a licence from Keele University. Meridian ships item numbers only.";

    private static final int AGREE_ITEMS = 8;
    // docs/scoring.md#start-back: psychosocial subscale = items 5, 6, 7, 8 and dichotomised 9.
    private static final Set<String> PSYCHOSOCIAL_AGREE_ITEMS = Set.of("sbt_05", "sbt_06", "sbt_07", "sbt_08");

    private StartBackInstrument() {}

    static InstrumentDefinition create() {
        List<String> agreeItems = IntStream.rangeClosed(1, AGREE_ITEMS)
                .mapToObj("sbt_%02d"::formatted)
                .toList();
        List<ItemDefinition> items = new ArrayList<>();
        for (int index = 0; index < agreeItems.size(); index++) {
            items.add(new ItemDefinition(
                    agreeItems.get(index), "Statement " + (index + 1), ResponseScales.disagreeAgree()));
        }
        items.add(new ItemDefinition(
                BOTHERSOMENESS_ITEM,
                "Overall bothersomeness",
                ResponseScales.labelled(0, "Not at all", "Slightly", "Moderately", "Very much", "Extremely")));
        return new InstrumentDefinition(
                InstrumentCodes.STARTBACK,
                VERSION,
                "Keele STarT Back Screening Tool",
                items,
                List.of(RecallPeriod.PAST_2_WEEKS),
                ScoreDirection.HIGHER_IS_WORSE,
                LICENCE,
                List.of(new LoincCode("91351-7", "STarT Back total score")),
                new StartBackRule(agreeItems, PSYCHOSOCIAL_AGREE_ITEMS, BOTHERSOMENESS_ITEM),
                new ChangeRules.NotAChangeMeasure("STarT Back is a risk screen, not a change measure."));
    }
}

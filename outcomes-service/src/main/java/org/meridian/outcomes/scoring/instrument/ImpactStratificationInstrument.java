package org.meridian.outcomes.scoring.instrument;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.meridian.outcomes.scoring.rule.IssRule;

/** NIH Task Force Impact Stratification Score for chronic low back pain (docs/scoring.md#nih-iss). */
final class ImpactStratificationInstrument {

    static final String VERSION = "1.0";
    static final String PAIN_INTENSITY_ITEM = "pain_intensity_0_10";
    static final String LICENCE = "NIH Task Force on Research Standards for Chronic Low Back Pain (Deyo et al. 2014)."
            + " " + PromisItems.ATTRIBUTION;

    private ImpactStratificationInstrument() {}

    static InstrumentDefinition create(BigDecimal mcidPoints) {
        List<ItemDefinition> physicalFunction = PromisItems.physicalFunction();
        List<ItemDefinition> painInterference = PromisItems.painInterference();
        List<ItemDefinition> items = new ArrayList<>(physicalFunction);
        items.addAll(painInterference);
        items.add(new ItemDefinition(
                PAIN_INTENSITY_ITEM,
                "In the past 7 days, how would you rate your pain on average?",
                ResponseScales.zeroToTenPain()));
        IssRule rule = new IssRule(codes(physicalFunction), codes(painInterference), PAIN_INTENSITY_ITEM);
        // Pain items ask about the past 7 days; the physical function items ask about current ability.
        // docs/scoring.md#nih-iss: the 30 % rule does not apply to the ISS.
        return new InstrumentDefinition(
                InstrumentCodes.NIH_ISS,
                VERSION,
                "NIH Impact Stratification Score",
                items,
                List.of(RecallPeriod.PAST_WEEK),
                ScoreDirection.HIGHER_IS_WORSE,
                LICENCE,
                List.of(),
                rule,
                new ChangeRules.Mcid(Optional.of(mcidPoints), false));
    }

    private static Set<String> codes(List<ItemDefinition> items) {
        return Set.copyOf(items.stream().map(ItemDefinition::code).toList());
    }
}

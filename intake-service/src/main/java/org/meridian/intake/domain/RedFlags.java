package org.meridian.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Red-flag screening for serious spinal pathology; any positive answer means "refer before needling". */
@Embeddable
public class RedFlags {

    /** Cauda equina warning signs: saddle anaesthesia, or new bladder or bowel dysfunction. */
    @Column(name = "rf_saddle_anaesthesia_bladder_bowel", nullable = false)
    public boolean saddleAnaesthesiaOrBladderBowelChange;

    @Column(name = "rf_fever", nullable = false)
    public boolean fever;

    @Column(name = "rf_major_trauma", nullable = false)
    public boolean majorTrauma;

    @Column(name = "rf_history_of_cancer", nullable = false)
    public boolean historyOfCancer;

    @Column(name = "rf_unexplained_weight_loss", nullable = false)
    public boolean unexplainedWeightLoss;

    @Column(name = "rf_progressive_neuro_deficit", nullable = false)
    public boolean progressiveNeurologicalDeficit;

    public boolean anyPositive() {
        return saddleAnaesthesiaOrBladderBowelChange
                || fever
                || majorTrauma
                || historyOfCancer
                || unexplainedWeightLoss
                || progressiveNeurologicalDeficit;
    }
}

-- Two classifications of the back pain, both computed when the history is recorded (docs/clinical-rules.md):
-- chronicity, the NIH Task Force's research definition, which now covers low back pain only (NOT_APPLICABLE
-- otherwise), and ncd_eligibility, US Medicare NCD 30.3.3's definition of chronic low back pain, with its own inputs.
ALTER TABLE intake_assessment
    ADD COLUMN pain_duration_days           integer CHECK (pain_duration_days >= 0),
    ADD COLUMN identifiable_systemic_cause  boolean,
    ADD COLUMN associated_with_surgery      boolean,
    ADD COLUMN associated_with_pregnancy    boolean,
    ADD COLUMN ncd_eligibility              varchar(16),
    ADD COLUMN ncd_reasons                  varchar(300) NOT NULL DEFAULT '';

-- Backfill, by the same rules as IntakeAssessmentService, from what each history recorded. The three new inputs
-- were never asked, so no older history is ELIGIBLE: at best UNDETERMINED, naming what was not assessed.
UPDATE intake_assessment SET chronicity = 'NOT_APPLICABLE' WHERE NOT low_back;

UPDATE intake_assessment SET pain_duration_days = assessed_on - onset_date WHERE onset_date IS NOT NULL;

UPDATE intake_assessment SET ncd_reasons = array_to_string(ARRAY[
        CASE WHEN NOT low_back THEN 'NOT_LOW_BACK_PAIN' END,
        CASE WHEN pain_duration_days IS NOT NULL THEN
                  CASE WHEN pain_duration_days < 84 THEN 'SHORTER_THAN_12_WEEKS' END
             WHEN pain_duration_months < 2 THEN 'SHORTER_THAN_12_WEEKS'
             WHEN pain_duration_months = 2 THEN 'DURATION_UNDETERMINED' END,
        'SYSTEMIC_CAUSE_NOT_ASSESSED', 'SURGERY_NOT_ASSESSED', 'PREGNANCY_NOT_ASSESSED'], ',');

UPDATE intake_assessment
   SET ncd_eligibility = CASE WHEN ncd_reasons LIKE '%NOT_LOW_BACK_PAIN%' OR ncd_reasons LIKE '%SHORTER_THAN_12_WEEKS%'
                              THEN 'NOT_ELIGIBLE' ELSE 'UNDETERMINED' END;

ALTER TABLE intake_assessment ALTER COLUMN ncd_eligibility SET NOT NULL;

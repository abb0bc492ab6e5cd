-- intake now classifies NIH Task Force chronicity only for low back pain (NOT_APPLICABLE without it: upper back only,
-- or leg pain alone), and its migration V9 reclassified its own older histories. Those histories reached this
-- projection as CHRONIC or NOT_CHRONIC; the same rule, applied to the pain sites projected with them, keeps research
-- outputs in step with intake.
UPDATE projected_patient
   SET chronicity = 'NOT_APPLICABLE'
 WHERE pain_sites IS NOT NULL AND chronicity IS NOT NULL
   AND NOT ('LOW_BACK' = ANY (string_to_array(pain_sites, ',')));

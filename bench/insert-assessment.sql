-- pgbench: the row Meridian stores for one scored submission, inserted straight into PostgreSQL
-- (outcomes' table, same jsonb payloads, a fresh idempotency key; LINKED to a patient without an episode, as the
-- benchmark's AD_HOC submissions are).
\set n random(1, 5)
INSERT INTO outcomes.assessment (id, clinic_id, pseudonym_id, instrument_code, instrument_version, policy_id, recall_period,
                        timepoint, answered_at, received_at, updated_at, status, answers, items_missing, score_exact,
                        score_value, score_details, late, link_status, idempotency_key, request_hash, submitted_by, version)
VALUES (gen_random_uuid(), '7f3c1a52-3d0e-4c8e-9a3b-2f1d5e6a7b01', gen_random_uuid(), 'ODI', '2.1a',
        'odi-percent-of-answered-max-missing-1', 'RIGHT_NOW', 'AD_HOC', now(), now(), now(), 'SCORED',
        '{"odi_01_pain_intensity":3,"odi_02_personal_care":2,"odi_03_lifting":4,"odi_04_walking":3,"odi_05_sitting":3,"odi_06_standing":4,"odi_07_sleeping":2,"odi_08_sex_life":null,"odi_09_social_life":5,"odi_10_travelling":4}',
        '["odi_08_sex_life"]', '200/3', 66.66666666666666666667, '{"band":"CRIPPLED","answeredSections":9}', false,
        'LINKED', md5(random()::text || :n), md5(random()::text), 'bench', 0);

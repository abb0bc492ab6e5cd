-- Stored score details take the API's consistent names (docs/scoring.md#results-in-the-api): `category` for a band,
-- risk group, severity or group, `total` for the sum of the item scores, `subscales` for subscales. Each statement
-- rewrites only rows still in the old shape (they hold the old key), so running this again changes nothing.
-- NRS, VAS and PGIC details keep their shape.

UPDATE assessment
   SET score_details = (score_details - 'rawSum' - 'band')
                       || jsonb_build_object('total', score_details -> 'rawSum', 'category', score_details -> 'band')
 WHERE instrument_code = 'ODI' AND score_details ? 'rawSum';

UPDATE assessment
   SET score_details = (score_details - 'yesCount') || jsonb_build_object('total', score_details -> 'yesCount')
 WHERE instrument_code = 'RMDQ' AND score_details ? 'yesCount';

UPDATE assessment
   SET score_details = (score_details - 'itemSum') || jsonb_build_object('total', score_details -> 'itemSum')
 WHERE instrument_code = 'PEG' AND score_details ? 'itemSum';

UPDATE assessment
   SET score_details = (score_details - 'psychosocialSubscale' - 'risk')
                       || jsonb_build_object(
                              'subscales', jsonb_build_object('psychosocial', score_details -> 'psychosocialSubscale'),
                              'category', score_details -> 'risk')
 WHERE instrument_code = 'STARTBACK' AND score_details ? 'psychosocialSubscale';

UPDATE assessment
   SET score_details = (score_details - 'rawScore' - 'severity')
                       || jsonb_build_object('total', score_details -> 'rawScore', 'category', score_details -> 'severity')
 WHERE instrument_code = 'PROMIS_PI_4A' AND score_details ? 'rawScore';

UPDATE assessment
   SET score_details = (score_details - 'physicalFunctionReversed' - 'painInterference' - 'painIntensity' - 'group')
                       || jsonb_build_object(
                              'subscales', jsonb_build_object(
                                  'physicalFunction', score_details -> 'physicalFunctionReversed',
                                  'painInterference', score_details -> 'painInterference',
                                  'painIntensity', score_details -> 'painIntensity'),
                              'category', score_details -> 'group')
 WHERE instrument_code = 'NIH_ISS' AND score_details ? 'physicalFunctionReversed';

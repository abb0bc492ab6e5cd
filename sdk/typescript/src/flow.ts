// A client developer's first flow with the generated SDK, run against a live stack by scripts/sdk-test.sh:
// register a patient with intake, wait until outcomes knows them, submit an ODI (and replay it), read the
// progress, and handle a rejected questionnaire by its error codes. Exits non-zero at the first surprise.
import { randomUUID } from 'node:crypto';
import { client } from './generated/client.gen.js';
import {
  getKnownPatient,
  getPatientProgress,
  registerPatient,
  submitAssessment,
  type AssessmentSubmission,
  type FieldError,
  type Problem,
} from './generated/index.js';

const baseUrl = required('MERIDIAN_URL');
const clinicId = required('MERIDIAN_CLINIC_ID');
client.setConfig({ baseUrl, headers: { Authorization: `Bearer ${required('MERIDIAN_TOKEN')}` } });

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`flow failed: ${what}`);
  }
  console.log(`  ok  ${what}`);
}

const odiSections = [
  'odi_01_pain_intensity', 'odi_02_personal_care', 'odi_03_lifting', 'odi_04_walking', 'odi_05_sitting',
  'odi_06_standing', 'odi_07_sleeping', 'odi_08_sex_life', 'odi_09_social_life', 'odi_10_travelling',
];

function odi(answers: Record<string, number>): AssessmentSubmission {
  return {
    instrumentCode: 'ODI',
    timepoint: 'BASELINE',
    answeredAt: new Date().toISOString(),
    answers,
  };
}

async function main(): Promise<void> {
  console.log(`TypeScript SDK flow against ${baseUrl}`);
  const registered = await registerPatient({
    path: { clinicId },
    body: { givenName: 'Sdk', familyName: `Flow-${randomUUID().slice(0, 8)}`, dateOfBirth: '1980-05-17', sex: 'FEMALE' },
  });
  check(registered.response?.status === 201 && !!registered.data?.pseudonymId, 'registerPatient: 201 with a pseudonym');
  const pseudonymId = registered.data!.pseudonymId!;

  // outcomes learns of the patient from intake's event feed: until then getKnownPatient answers 404
  const deadline = Date.now() + 60_000;
  let known = await getKnownPatient({ path: { clinicId, pseudonymId } });
  while (known.response?.status === 404 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    known = await getKnownPatient({ path: { clinicId, pseudonymId } });
  }
  check(known.response?.status === 200 && known.data?.known === true, 'getKnownPatient: outcomes knows the new patient');

  const answers = Object.fromEntries(odiSections.map((section, i) => [section, i % 3]));
  // an app retrying after a lost answer sends the same body with the same key
  const key = randomUUID();
  const baseline = odi(answers);
  const submitted = await submitAssessment({
    path: { clinicId, pseudonymId },
    headers: { 'Idempotency-Key': key },
    body: baseline,
  });
  check(submitted.response?.status === 201 && submitted.data?.score === 18, 'submitAssessment: ODI stored, 18 %');
  const details = submitted.data?.details;
  check(
    details?.instrumentCode === 'ODI' && details.total === 9 && details.category === 'MINIMAL',
    'the typed details narrow to the ODI result: total 9, category MINIMAL',
  );
  const replayed = await submitAssessment({
    path: { clinicId, pseudonymId },
    headers: { 'Idempotency-Key': key },
    body: baseline,
  });
  check(replayed.response?.status === 200 && replayed.data?.id === submitted.data?.id, 'submitAssessment: a replay returns the same assessment');

  const progress = await getPatientProgress({ path: { clinicId, pseudonymId } });
  const measure = progress.data?.measures?.find((m) => m.instrumentCode === 'ODI');
  check(measure?.baseline?.score === 18, 'getPatientProgress: the ODI is the baseline');

  const incomplete = { ...answers };
  delete incomplete.odi_03_lifting;
  delete incomplete.odi_04_walking;
  const rejected = await submitAssessment({
    path: { clinicId, pseudonymId },
    headers: { 'Idempotency-Key': randomUUID() },
    body: { ...odi(incomplete), answers: { ...incomplete, odi_05_sitting: 7 } },
  });
  const problem = rejected.error as Problem | undefined;
  const codes = new Map((problem?.errors ?? []).map((e: FieldError) => [e.field, e.code]));
  check(rejected.response?.status === 422, 'submitAssessment: an unscoreable ODI is refused with 422');
  check(codes.get('answers.odi_03_lifting') === 'required' && codes.get('answers.odi_04_walking') === 'required', 'the unanswered sections have code required');
  check(codes.get('answers.odi_05_sitting') === 'out_of_range', 'the value 7 has code out_of_range');
  console.log('TypeScript SDK flow passed');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

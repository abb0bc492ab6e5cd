// End-to-end checks of the web app in Debian's Chromium, driven by playwright-core, against a running stack with demo
// data (scripts/web-test.sh starts one). Every page is also checked with axe-core (no serious or critical violation)
// at desktop and phone width, and any Content-Security-Policy violation fails the run.
//   BASE_URL       the gateway, e.g. http://127.0.0.1:18090
//   MERIDIAN_RUN_DIR  the stack's run dir (demo.env, web-sign-ins.json, keys for scripts/token.sh)
//   SCREENSHOT_DIR  when set, a PNG of each page goes there (docs/web/)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
const runDir = process.env.MERIDIAN_RUN_DIR ?? join(root, '.run');
const screenshots = process.env.SCREENSHOT_DIR;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const demo = Object.fromEntries(
  readFileSync(join(runDir, 'demo.env'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('export '))
    .map((line) => line.slice(7).split('=')),
);
const demoPatient = JSON.parse(readFileSync(join(runDir, 'web-sign-ins.json'), 'utf8')).find((s) => s.role === 'patient');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

function token(...args) {
  return execFileSync(join(root, 'scripts', 'token.sh'), args, { env: { ...process.env, MERIDIAN_RUN_DIR: runDir } })
    .toString()
    .trim();
}
const staff = token('practitioner,clinic-admin', '--clinic', demo.CLINIC_ID, '--sub', 'web-e2e');

async function api(path) {
  const response = await fetch(base + path, { headers: { Authorization: `Bearer ${staff}` } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

let browserContexts = [];
async function open(viewport) {
  const profile = mkdtempSync(join(tmpdir(), 'meridian-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.cspViolations = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) page.cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => page.cspViolations.push(`page error: ${error.message}`));
  browserContexts.push({ context, profile });
  return { context, page };
}

async function closeAll() {
  for (const { context, profile } of browserContexts) {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
  browserContexts = [];
}

async function signIn(page, role) {
  await page.goto(`${base}/app/sign-in`);
  await page.locator(`button[data-role="${role}"]`).click();
}

/** axe-core in the page (evaluated through the DevTools protocol, which the page's CSP does not govern). */
async function axe(page, name) {
  const violations = await page.evaluate(`${axeSource}
    ;axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`);
  check(violations.length === 0, `axe on ${name}: ${violations.join('; ')}`);
  check(page.cspViolations.length === 0, `CSP or script errors on ${name}: ${page.cspViolations.join('; ')}`);
  axeChecked.push(name);
}
const axeChecked = [];

async function shot(page, name) {
  if (!screenshots) return;
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** Opens the questionnaire whose title matches, from "Tell us how you are now". */
async function startAdHoc(page, title) {
  const option = page.locator('#adhoc option', { hasText: title }).first();
  await option.waitFor({ state: 'attached' });
  await page.getByLabel('Tell us how you are now').selectOption({ label: (await option.textContent()).trim() });
  await page.locator('form', { has: page.locator('#adhoc') }).getByRole('button', { name: 'Start' }).click();
}

/** The patient's assessments of an instrument the API received since a moment. */
async function receivedSince(pseudonymId, instrument, since) {
  const page = await api(
    `/api/v1/outcomes/clinics/${demo.CLINIC_ID}/patients/${pseudonymId}/assessments?instrument=${instrument}&size=100`,
  );
  return page.items.filter((item) => Date.parse(item.receivedAt) >= since);
}
const odiAssessments = (pseudonymId, since) => receivedSince(pseudonymId, 'ODI', since);

const tests = [];
const test = (name, body) => tests.push({ name, body });

test('a patient completes an ODI offline, reloads, comes back online: exactly one submission is stored', async () => {
  const started = Date.now() - 1000;
  const pseudonymId = demoPatient.pseudonymId;
  const before = await odiAssessments(pseudonymId, started);
  check(before.length === 0, `no ad hoc ODI yet, found ${before.length}`);
  const { context, page } = await open(PHONE);
  await signIn(page, 'patient');
  await page.getByRole('heading', { name: 'My questionnaires' }).waitFor();
  await page.getByTestId('my-progress').waitFor();
  await axe(page, 'patient (phone)');
  await shot(page, 'patient-phone');
  // The service worker has cached this build and controls the page before the connection goes.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 }).catch(async () => {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  });

  await context.setOffline(true);
  await page.getByText('You are offline').waitFor();
  // The ODI due on the schedule when there is one (the demo's 4-week follow-up), else "tell us how you are now".
  const due = page.locator('ul.tasks li', { hasText: /oswestry/i });
  if ((await due.count()) > 0) await due.first().getByRole('button', { name: 'Start' }).click();
  else await startAdHoc(page, /oswestry/i);
  const total = Number((await page.locator('.progress-text').textContent()).match(/of (\d+)/)[1]);
  check(total === 10, `the ODI has 10 sections, the page shows ${total}`);
  await axe(page, 'questionnaire (phone)');
  await shot(page, 'questionnaire-phone');
  // Skip everything: the page refuses it with the API's code for each unanswered section.
  for (let i = 0; i < total; i++) await page.getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  const codes = await page.locator('[data-testid="answer-errors"] li').evaluateAll((items) => items.map((li) => li.dataset.code));
  check(codes.length === 10 && codes.every((code) => code === 'required'), `expected 10 x required, got ${codes}`);
  await axe(page, 'questionnaire errors (phone)');
  await page.locator('[data-testid="answer-errors"] li button').first().click();
  for (let i = 0; i < total; i++) {
    await page.locator('label.option').nth(1).click();
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByText('Saved on this device').waitFor();
  await page.getByTestId('outbox').getByText('Waiting to be sent (1)').waitFor();
  check((await odiAssessments(pseudonymId, started)).length === 0, 'nothing reached the API while offline');

  await page.reload();
  await page.getByTestId('outbox').getByText('Waiting to be sent (1)').waitFor();
  await shot(page, 'patient-offline-queued-phone');
  check((await odiAssessments(pseudonymId, started)).length === 0, 'nothing reached the API after the offline reload');

  await context.setOffline(false);
  await page.getByText('Your answers were sent.').waitFor({ timeout: 30000 });
  check((await page.getByTestId('outbox').count()) === 0, 'the queue is empty once sent');
  await page.reload();
  await page.getByRole('heading', { name: 'My questionnaires' }).waitFor();
  await page.getByTestId('my-progress').waitFor();
  const stored = await odiAssessments(pseudonymId, started);
  check(stored.length === 1, `exactly one ODI stored, found ${stored.length}`);
  check(stored[0].status === 'SCORED' && stored[0].score !== null, 'the stored ODI is scored');
  check(!(await page.locator('ul.tasks li', { hasText: /oswestry/i }).count()) || stored[0].timepoint === 'AD_HOC',
    'a due ODI answered leaves the due list');
});

test('an answer lost on the way back is sent again with its key and stored once', async () => {
  const started = Date.now() - 1000;
  const pseudonymId = demoPatient.pseudonymId;
  const { page } = await open(PHONE);
  await signIn(page, 'patient');
  await page.getByRole('heading', { name: 'My questionnaires' }).waitFor();
  let lost = 0;
  let answerLost;
  const lostOnce = new Promise((resolve) => (answerLost = resolve));
  await page.route('**/api/v1/outcomes/clinics/*/patients/*/assessments', async (route) => {
    if (route.request().method() !== 'POST' || lost > 0) return route.continue();
    lost++;
    await route.fetch(); // the API stores it...
    await route.abort('connectionreset'); // ...and the page never hears so
    answerLost();
  });
  await startAdHoc(page, /back pain/i);
  await page.locator('label.option').nth(4).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await lostOnce;
  await page.getByTestId('outbox').getByText('Waiting to be sent (1)').waitFor();
  const nrs = () => receivedSince(pseudonymId, 'NRS_BACK_PAIN', started);
  check((await nrs()).length === 1, 'the API stored the first attempt');
  await page.getByRole('button', { name: 'Send now' }).click();
  await page.getByText('Your answers were sent.').waitFor();
  const stored = await nrs();
  check(stored.length === 1, `the retry replayed the first submission instead of storing another: ${stored.length}`);
});

test('a clinician finds a patient and sees the responder flag', async () => {
  const { page } = await open(DESKTOP);
  await signIn(page, 'clinician');
  await page.getByRole('heading', { name: 'Clinic overview' }).waitFor();
  const table = page.getByTestId('clinic-patients');
  await table.locator('.flag.good').first().waitFor({ timeout: 20000 });
  await axe(page, 'clinic overview');
  await shot(page, 'clinician-overview');
  const responderRow = table.locator('tbody tr', { has: page.locator('.flag.good') }).first();
  const name = (await responderRow.locator('th a').textContent()).trim();
  await page.getByLabel('Find a patient').fill(name.split(' ')[0]);
  check((await table.locator('tbody tr').count()) >= 1, 'the search finds the patient');
  await table.getByRole('link', { name }).click();
  await page.getByRole('heading', { name: new RegExp(name) }).waitFor();
  await page.locator('h1 .flag.good', { hasText: 'Responder' }).waitFor();
  await page.getByTestId('chart-NRS_BACK_PAIN').locator('canvas').waitFor();
  await page.getByTestId('chart-ODI').locator('canvas').waitFor();
  await axe(page, 'clinician patient');
  await shot(page, 'clinician-patient');
  await page.getByRole('link', { name: /^Episode from/ }).first().click();
  await page.getByTestId('visit-12').waitFor();
  await page.getByTestId('session').first().waitFor();
  await axe(page, 'clinician episode');
  await shot(page, 'clinician-episode');
  await page.setViewportSize(PHONE);
  await axe(page, 'clinician episode (phone)');
  await page.goto(`${base}/app/clinician`);
  await page.getByTestId('clinic-patients').locator('.flag.good').first().waitFor({ timeout: 20000 });
  await axe(page, 'clinic overview (phone)');
  await shot(page, 'clinician-overview-phone');
});

test('a researcher sees estimates and suppressed cells in the demo cohort and exports its rows', async () => {
  const { page } = await open(DESKTOP);
  await signIn(page, 'researcher');
  await page.getByRole('heading', { name: 'Cohort outcomes' }).waitFor();
  await page.getByTestId('chart-change').locator('canvas').waitFor();
  await page.getByTestId('suppressed-note').first().waitFor();
  const change = page.getByTestId('chart-change');
  const suppressedRows = await change.locator('tr[data-suppressed="true"]').count();
  check(suppressedRows > 0, 'the change chart lists suppressed cells');
  const suppressedText = await change.locator('tr[data-suppressed="true"] td').first().textContent();
  check(suppressedText.trim() === 'Suppressed', `a suppressed cell reads "Suppressed", not a number: ${suppressedText}`);
  // The demo's research cohort (scripts/demo/cohort.py) fills both sexes and the whole cohort: each has a count of at
  // least k, a mean change and its interval.
  const shown = await change.locator('tr[data-suppressed="false"]').evaluateAll((rows) =>
    rows.map((row) => [...row.children].map((cell) => cell.textContent.trim())),
  );
  check(shown.length >= 3, `the change chart shows the larger cells: ${JSON.stringify(shown)}`);
  const NUMBER = '-?\\d+(\\.\\d+)?';
  const minCellSize = Number((await page.getByText(/cells under \d+ patients/).textContent()).match(/under (\d+)/)[1]);
  for (const [group, count, estimate, interval] of shown) {
    check(Number(count) >= minCellSize, `${group} is shown with ${count} patient-episodes, fewer than ${minCellSize}`);
    check(new RegExp(`^${NUMBER}$`).test(estimate), `${group}'s mean change is a number: ${estimate}`);
    check(new RegExp(`^${NUMBER} to ${NUMBER}$`).test(interval), `${group}'s 95 % interval is two numbers: ${interval}`);
  }
  const label = await change.locator('canvas').getAttribute('aria-label');
  check(/suppressed/.test(label), 'the chart says which cells are suppressed');
  check(new RegExp(`All patients ${NUMBER} \\(${NUMBER} to ${NUMBER}\\)`).test(label), `the chart describes the estimates: ${label}`);
  await axe(page, 'researcher');
  await page.getByRole('button', { name: 'Start export' }).click();
  await page.getByTestId('export-status').getByText(/Export ready/).waitFor({ timeout: 30000 });
  const exported = await page.getByTestId('export-status').textContent();
  check(Number(exported.match(/(\d+) rows/)?.[1]) > 0, `the export has rows: ${exported}`);
  await page.getByRole('link', { name: /Download/ }).waitFor();
  await shot(page, 'researcher');
  await page.setViewportSize(PHONE);
  await axe(page, 'researcher (phone)');
  await shot(page, 'researcher-phone');
});

test('the sign-in page offers the demo sign-ins and a token field', async () => {
  const { page } = await open(PHONE);
  await page.goto(`${base}/app/`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  // the demo sign-ins are fetched after the page renders: wait for them before counting
  await page.locator('button[data-role]').first().waitFor();
  check((await page.locator('button[data-role]').count()) === 3, 'three demo sign-ins');
  await page.getByLabel('Paste an access token').fill(staff);
  await page.getByRole('button', { name: 'Use this token' }).click();
  await page.getByRole('heading', { name: 'Clinic overview' }).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await axe(page, 'sign-in (phone)');
  await shot(page, 'sign-in-phone');
});

let passed = 0;
let failed = 0;
for (const { name, body } of tests) {
  try {
    await body();
    passed++;
    console.log(`ok - ${name}`);
  } catch (failure) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(failure.stack ?? failure).split('\n').slice(0, 6).join('\n  ')}`);
  } finally {
    await closeAll();
  }
}
console.log(`axe-core: 0 serious or critical violations on ${axeChecked.length} page views: ${axeChecked.join(', ')}`);
console.log(`web-e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

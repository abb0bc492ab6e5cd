// The web app's OpenID Connect sign-in (authorization code + PKCE, client meridian-web) against a stack started with
// scripts/run.sh --keycloak --demo: the sign-in page finds Keycloak through the gateway's SMART configuration, the demo
// patient signs in on Keycloak's form, and the app comes back signed in and loads the patient's schedule.
//   BASE_URL   the gateway as the browser reaches it, e.g. http://localhost:8080 (a redirect URI of meridian-web)
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const password = process.env.MERIDIAN_KEYCLOAK_DEMO_PASSWORD ?? 'meridian-demo-only';
const profile = mkdtempSync(join(tmpdir(), 'meridian-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? (await context.newPage());
const problems = [];
page.on('console', (message) => /Content Security Policy/i.test(message.text()) && problems.push(message.text()));
let ok = false;
try {
  await page.goto(`${base}/app/sign-in`);
  await page.getByRole('button', { name: /identity provider/ }).click();
  await page.locator('#username').fill('demo-patient');
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.getByRole('heading', { name: 'My questionnaires' }).waitFor({ timeout: 20000 });
  await page.getByRole('heading', { name: 'Due now' }).waitFor();
  const error = await page.locator('.error').count();
  ok = problems.length === 0 && error === 0;
  console.log(ok ? 'ok - signed in with Keycloak (PKCE) and loaded the schedule' : `not ok - ${problems.join('; ')}`);
} catch (failure) {
  console.log(`not ok - ${failure.message}\n  at ${page.url()}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`web-oidc: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);

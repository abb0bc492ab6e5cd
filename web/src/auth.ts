import { client } from './sdk';

/** What the app reads from an access token's claims (the gateway and the services check the token itself). */
export type Identity = {
  token: string;
  subject: string;
  roles: string[];
  clinicId?: string;
  pseudonymId?: string;
  patientId?: string;
  practitionerId?: string;
  expiresAt: number;
  via: 'demo' | 'pasted' | 'oidc';
};

export type Role = 'patient' | 'clinician' | 'researcher';

const KEY = 'meridian.identity';

export function decode(token: string, via: Identity['via']): Identity {
  const parts = token.trim().split('.');
  if (parts.length !== 3) throw new Error('That is not a JWT access token (three dot-separated parts).');
  const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
  const roles: string[] = claims.groups ?? claims.realm_access?.roles ?? [];
  return {
    token: token.trim(),
    subject: String(claims.sub ?? ''),
    roles,
    clinicId: claims.clinic_id,
    pseudonymId: claims.pseudonym_id,
    patientId: claims.patient_id,
    practitionerId: claims.practitioner_id,
    expiresAt: Number(claims.exp ?? 0) * 1000,
    via,
  };
}

/** The pages this sign-in may open, in the order offered. */
export function rolesOf(identity: Identity): Role[] {
  const pages: Role[] = [];
  if (identity.roles.includes('patient') && identity.pseudonymId && identity.clinicId) pages.push('patient');
  if ((identity.roles.includes('practitioner') || identity.roles.includes('clinic-admin')) && identity.clinicId) {
    pages.push('clinician');
  }
  if (identity.roles.includes('researcher')) pages.push('researcher');
  return pages;
}

// The token lives in sessionStorage: it survives a reload (the offline patient needs that) and is gone when the tab
// closes. Queued answers are in IndexedDB and wait for the next sign-in of the same patient (docs/web.md#sign-in).
export function current(): Identity | null {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return null;
  try {
    return JSON.parse(stored) as Identity;
  } catch {
    return null;
  }
}

export function signIn(identity: Identity): void {
  sessionStorage.setItem(KEY, JSON.stringify(identity));
  configureClient();
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  configureClient();
}

export function expired(identity: Identity): boolean {
  return identity.expiresAt > 0 && identity.expiresAt < Date.now();
}

/** Every SDK call goes to this origin (the gateway) with the signed-in user's token. */
export function configureClient(): void {
  const identity = current();
  client.setConfig({
    baseUrl: location.origin,
    headers: identity ? { Authorization: `Bearer ${identity.token}` } : { Authorization: null },
  });
}

export type DemoSignIn = { role: Role; label: string; token: string };

/** Demo sign-ins that scripts/run.sh --demo wrote (local key only); none elsewhere. */
export async function demoSignIns(): Promise<DemoSignIn[]> {
  try {
    const response = await fetch('/app/demo-sign-ins.json', { cache: 'no-store' });
    if (!response.ok) return [];
    return (await response.json()) as DemoSignIn[];
  } catch {
    return [];
  }
}

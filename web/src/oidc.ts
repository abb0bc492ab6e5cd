import { decode, type Identity } from './auth';

// Sign-in through an OpenID Connect provider (Keycloak with scripts/run.sh --keycloak): authorization code with PKCE
// (S256), public client meridian-web. The provider's endpoints come from the gateway's SMART configuration, which
// answers 404 on the local key, and then this sign-in is not offered.

export const CLIENT_ID = 'meridian-web';
const PENDING = 'meridian.oidc.pending';

type Endpoints = { authorization_endpoint: string; token_endpoint: string };

export async function provider(): Promise<Endpoints | null> {
  try {
    const response = await fetch('/fhir/r4/.well-known/smart-configuration');
    if (!response.ok) return null;
    const configuration = (await response.json()) as Endpoints;
    return configuration.authorization_endpoint && configuration.token_endpoint ? configuration : null;
  } catch {
    return null;
  }
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri(): string {
  return `${location.origin}/app/signed-in`;
}

export async function startSignIn(endpoints: Endpoints): Promise<void> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, tokenEndpoint: endpoints.token_endpoint }));
  const url = new URL(endpoints.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUri(),
    scope: 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** On /app/signed-in: trades the code for tokens; the state must be the one this tab sent. */
export async function finishSignIn(): Promise<Identity> {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  if (!pending || params.get('state') !== pending.state) throw new Error('This sign-in was not started here.');
  if (params.get('error')) throw new Error(params.get('error_description') ?? params.get('error') ?? 'refused');
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      code: params.get('code') ?? '',
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`The provider refused the code (HTTP ${response.status}).`);
  const tokens = (await response.json()) as { access_token: string };
  return decode(tokens.access_token, 'oidc');
}

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { submitAssessment, type AssessmentSubmission, type FieldError } from './sdk';

/**
 * Questionnaires waiting to reach the API. A submission is written here, with its Idempotency-Key, before the first
 * attempt and deleted only after the API has answered 2xx for that key, so it survives a lost connection, a closed tab
 * and a reload; a retry sends the same key and body, so the API stores it once however often it is sent
 * (docs/conventions.md#concurrency-and-retries). A 4xx other than 401/408/429 is final: it stays here, marked
 * rejected with the API's error codes, for the patient to see; nothing is retried then.
 */
export type Queued = {
  key: string;
  clinicId: string;
  pseudonymId: string;
  title: string;
  body: AssessmentSubmission;
  queuedAt: string;
  state: 'waiting' | 'rejected';
  attempts: number;
  lastError?: string;
  errors?: FieldError[];
};

export type Sent = { key: string; assessmentId: string; instrumentCode: string; score: number | null; sentAt: string };

interface Store extends DBSchema {
  outbox: { key: string; value: Queued };
  sent: { key: string; value: Sent };
  cache: { key: string; value: { id: string; value: unknown; savedAt: string } };
}

let database: Promise<IDBPDatabase<Store>> | undefined;

function db(): Promise<IDBPDatabase<Store>> {
  database ??= openDB<Store>('meridian', 1, {
    upgrade(store) {
      store.createObjectStore('outbox', { keyPath: 'key' });
      store.createObjectStore('sent', { keyPath: 'key' });
      store.createObjectStore('cache', { keyPath: 'id' });
    },
  });
  return database;
}

export async function enqueue(item: Omit<Queued, 'state' | 'attempts' | 'queuedAt'>): Promise<void> {
  await (await db()).put('outbox', { ...item, state: 'waiting', attempts: 0, queuedAt: new Date().toISOString() });
}

export async function queued(pseudonymId: string): Promise<Queued[]> {
  return (await (await db()).getAll('outbox')).filter((item) => item.pseudonymId === pseudonymId);
}

export async function discard(key: string): Promise<void> {
  await (await db()).delete('outbox', key);
}

export async function sentList(): Promise<Sent[]> {
  return (await db()).getAll('sent');
}

/** Reads last kept for offline use (the schedule, the instrument catalogue). */
export async function remember(id: string, value: unknown): Promise<void> {
  await (await db()).put('cache', { id, value, savedAt: new Date().toISOString() });
}

export async function recall<T>(id: string): Promise<T | undefined> {
  return (await (await db()).get('cache', id))?.value as T | undefined;
}

let flushing: Promise<number> | undefined;

/**
 * Sends every waiting submission of this patient, one at a time; resolves to how many were stored. Only one flush runs
 * per tab; across tabs a Web Lock serialises them, and should two ever overlap, the Idempotency-Key keeps one copy.
 */
export function flush(pseudonymId: string): Promise<number> {
  flushing ??= (async () => {
    try {
      const run = () => sendAll(pseudonymId);
      return navigator.locks ? await navigator.locks.request('meridian-outbox', run) : await run();
    } finally {
      flushing = undefined;
    }
  })();
  return flushing;
}

async function sendAll(pseudonymId: string): Promise<number> {
  let stored = 0;
  for (const item of await queued(pseudonymId)) {
    if (item.state !== 'waiting') continue;
    if (!navigator.onLine) break;
    const outcome = await send(item);
    if (outcome === 'stored') stored++;
    if (outcome === 'offline') break;
  }
  return stored;
}

async function send(item: Queued): Promise<'stored' | 'offline' | 'kept' | 'rejected'> {
  const store = await db();
  let result;
  try {
    result = await submitAssessment({
      path: { clinicId: item.clinicId, pseudonymId: item.pseudonymId },
      headers: { 'Idempotency-Key': item.key },
      body: item.body,
    });
  } catch (failure) {
    await store.put('outbox', { ...item, attempts: item.attempts + 1, lastError: `No connection (${failure})` });
    return 'offline';
  }
  const status = result.response?.status ?? 0;
  if (result.data && status >= 200 && status < 300) {
    const transaction = store.transaction(['outbox', 'sent'], 'readwrite');
    await transaction.objectStore('sent').put({
      key: item.key,
      assessmentId: result.data.id ?? '',
      instrumentCode: result.data.instrumentCode ?? item.body.instrumentCode,
      score: result.data.score ?? null,
      sentAt: new Date().toISOString(),
    });
    await transaction.objectStore('outbox').delete(item.key);
    await transaction.done;
    return 'stored';
  }
  const problem = (result.error ?? {}) as { detail?: string; errors?: FieldError[] };
  const retryable = status === 0 || status === 401 || status === 408 || status === 429 || status >= 500;
  await store.put('outbox', {
    ...item,
    attempts: item.attempts + 1,
    state: retryable ? 'waiting' : 'rejected',
    lastError: `HTTP ${status}${problem.detail ? `: ${problem.detail}` : ''}`,
    errors: problem.errors,
  });
  return retryable ? 'kept' : 'rejected';
}

export const INSTRUMENT_NAMES: Record<string, string> = {
  NRS_BACK_PAIN: 'Back pain (0-10)',
  NRS_LEG_PAIN: 'Leg pain (0-10)',
  VAS_PAIN: 'Pain (VAS 0-100)',
  ODI: 'Oswestry Disability Index',
  RMDQ: 'Roland-Morris',
  PEG: 'PEG (pain, enjoyment, activity)',
  PROMIS_PI_4A: 'PROMIS Pain Interference 4a',
  PGIC: 'Global impression of change',
  STARTBACK: 'STarT Back',
  NIH_ISS: 'NIH Impact Stratification',
};

export function instrumentName(code: string | undefined): string {
  return (code && INSTRUMENT_NAMES[code]) || code || '';
}

export function date(value: string | null | undefined): string {
  if (!value) return '';
  return new Date(value).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function dateTime(value: string | null | undefined): string {
  if (!value) return '';
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function number(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return '–';
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${(value * 100).toFixed(0)} %`;
}

export function words(value: string | null | undefined): string {
  if (!value) return '';
  const text = value.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function newKey(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The message of an SDK error (a problem document) or of a thrown failure. */
export function problemText(error: unknown): string {
  if (!error) return 'Unknown error';
  if (error instanceof Error) return error.message;
  const problem = error as { title?: string; detail?: string; status?: number };
  return [problem.status, problem.title, problem.detail].filter(Boolean).join(' · ') || String(error);
}

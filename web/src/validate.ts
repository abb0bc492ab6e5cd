import type { ErrorCode, Instrument } from './sdk';

export type AnswerError = { field: string; code: ErrorCode; message: string };

/**
 * The checks outcomes-service makes before scoring (docs/conventions.md#error-codes), with the same field names and
 * codes: a value that is not a number or not an integer, outside the item's scale, inside it but not one of its codes,
 * an unknown item, and more unanswered items than the instrument's scoring policy tolerates (each one then required).
 */
export function validateAnswers(instrument: Instrument, answers: Record<string, unknown>): AnswerError[] {
  const errors: AnswerError[] = [];
  const items = instrument.items ?? [];
  const missing: string[] = [];
  for (const item of items) {
    const code = item.code ?? '';
    const value = answers[code];
    const values = (item.options ?? []).map((option) => option.value ?? 0);
    if (value === null || value === undefined) {
      missing.push(code);
    } else if (typeof value !== 'number' || Number.isNaN(value)) {
      errors.push({ field: `answers.${code}`, code: 'not_a_number', message: 'is not a number' });
    } else if (!Number.isInteger(value)) {
      errors.push({ field: `answers.${code}`, code: 'not_an_integer', message: 'is not a whole number' });
    } else if (value < Math.min(...values) || value > Math.max(...values)) {
      errors.push({ field: `answers.${code}`, code: 'out_of_range', message: 'is outside the scale' });
    } else if (!values.includes(value)) {
      errors.push({ field: `answers.${code}`, code: 'not_an_option', message: 'is not one of the answers' });
    }
  }
  const known = new Set(items.map((item) => item.code));
  for (const code of Object.keys(answers).sort()) {
    if (!known.has(code)) errors.push({ field: `answers.${code}`, code: 'unknown_item', message: 'is not an item' });
  }
  const tolerated = instrument.scoringPolicy?.maxMissingItems ?? 0;
  if (missing.length > tolerated) {
    const needed = items.length - tolerated;
    const message =
      tolerated === 0
        ? `is unanswered; all ${items.length} items are needed`
        : `is unanswered; at least ${needed} of ${items.length} items are needed`;
    for (const code of missing) errors.push({ field: `answers.${code}`, code: 'required', message });
  }
  return errors;
}

import { describe, expect, it } from 'vitest';
import type { Instrument } from './sdk';
import { validateAnswers } from './validate';

// The shape outcomes-service serves for a questionnaire: items with their answer codes, and the policy's tolerance.
const scale = (values: number[]) => values.map((value) => ({ value, label: String(value) }));
const instrument = (maxMissingItems: number): Instrument => ({
  code: 'TEST',
  version: '1',
  items: [
    { code: 'a', text: 'A', options: scale([0, 1, 2, 3, 4, 5]) },
    { code: 'b', text: 'B', options: scale([0, 1, 2, 3, 4, 5]) },
    { code: 'gap', text: 'Gap', options: scale([0, 2, 4]) },
  ],
  scoringPolicy: { id: 'test', maxMissingItems },
});
const codes = (errors: { field: string; code: string }[]) => errors.map((error) => `${error.field}:${error.code}`);

describe('validateAnswers: the API error codes before anything is queued', () => {
  it('accepts every item answered with one of its codes', () => {
    expect(validateAnswers(instrument(0), { a: 0, b: 5, gap: 4 })).toEqual([]);
  });

  it('accepts as many unanswered items as the policy tolerates, null or absent alike', () => {
    expect(validateAnswers(instrument(1), { a: 1, b: null, gap: 2 })).toEqual([]);
    expect(validateAnswers(instrument(1), { a: 1, gap: 2 })).toEqual([]);
  });

  it('names every unanswered item required once more are missing than tolerated', () => {
    expect(codes(validateAnswers(instrument(1), { a: 1 }))).toEqual(['answers.b:required', 'answers.gap:required']);
    expect(codes(validateAnswers(instrument(0), { a: 1, b: 2 }))).toEqual(['answers.gap:required']);
  });

  it('tells a value outside the scale from one inside it that is not a code', () => {
    expect(codes(validateAnswers(instrument(0), { a: 6, b: -1, gap: 3 }))).toEqual([
      'answers.a:out_of_range',
      'answers.b:out_of_range',
      'answers.gap:not_an_option',
    ]);
  });

  it('refuses text, fractions and unknown items with their own codes', () => {
    expect(codes(validateAnswers(instrument(0), { a: '3', b: 2.5, gap: 2, zzz: 1 }))).toEqual([
      'answers.a:not_a_number',
      'answers.b:not_an_integer',
      'answers.zzz:unknown_item',
    ]);
  });

  it('reads 3.0 as 3, as the API does', () => {
    expect(validateAnswers(instrument(0), { a: 3.0, b: 3, gap: 0 })).toEqual([]);
  });
});

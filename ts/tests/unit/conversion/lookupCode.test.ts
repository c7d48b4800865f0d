import { describe, expect, it } from 'vitest';
import {
  LOOKUP_ALPHABET,
  LOOKUP_CODE_LENGTH,
  LookupCodeError,
  candidateLookupCode,
  checkSymbol,
  formatLookupCode,
  parseLookupCode,
} from '../../../functions/conversion/lookupCode';

function problemOf(input: string): string {
  try {
    parseLookupCode(input);
    return 'accepted';
  } catch (error) {
    if (error instanceof LookupCodeError) return error.problem;
    throw error;
  }
}

const samples = Array.from({ length: 40 }, (_, i) => candidateLookupCode(`message-${i}`, i % 3));

describe('lookup codes', () => {
  it('use no symbol that reads like another: no 0/O, 1/I/L', () => {
    expect(LOOKUP_ALPHABET).toHaveLength(31);
    for (const confusable of ['0', 'O', '1', 'I', 'L']) expect(LOOKUP_ALPHABET).not.toContain(confusable);
    for (const code of samples) {
      expect(code).toHaveLength(LOOKUP_CODE_LENGTH);
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]+$/);
    }
  });

  it('are derived from the message id and attempt, so a re-delivery gets the same code', () => {
    expect(candidateLookupCode('abc', 0)).toBe(candidateLookupCode('abc', 0));
    expect(candidateLookupCode('abc', 1)).not.toBe(candidateLookupCode('abc', 0));
    expect(candidateLookupCode('abd', 0)).not.toBe(candidateLookupCode('abc', 0));
  });

  it('read back as typed: any case, hyphens and spaces ignored', () => {
    const code = samples[0] as string;
    const shown = formatLookupCode(code);
    expect(shown).toMatch(/^\w{3}-\w{3}-\w{3}$/);
    expect(parseLookupCode(shown)).toBe(code);
    expect(parseLookupCode(` ${shown.toLowerCase()} `)).toBe(code);
    expect(parseLookupCode(code.split('').join(' '))).toBe(code);
  });

  it('catch every single substituted character', () => {
    for (const code of samples) {
      for (let position = 0; position < code.length; position++) {
        for (const symbol of LOOKUP_ALPHABET) {
          if (symbol === code[position]) continue;
          const typo = code.slice(0, position) + symbol + code.slice(position + 1);
          expect(problemOf(typo), `${code} → ${typo}`).toBe('check');
        }
      }
    }
  });

  it('catch every swap of two adjacent different characters, the check character included', () => {
    for (const code of samples) {
      for (let position = 0; position + 1 < code.length; position++) {
        const a = code.charAt(position);
        const b = code.charAt(position + 1);
        if (a === b) continue;
        const swapped = code.slice(0, position) + b + a + code.slice(position + 2);
        expect(problemOf(swapped), `${code} → ${swapped}`).toBe('check');
      }
    }
  });

  it('name the problem with a wrong check character, in Vietnamese and English', () => {
    const code = samples[1] as string;
    const data = code.slice(0, -1);
    const wrong = LOOKUP_ALPHABET.split('').find((s) => s !== checkSymbol(data)) as string;
    try {
      parseLookupCode(data + wrong);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LookupCodeError);
      const { problem, reasonVi, reasonEn } = error as LookupCodeError;
      expect(problem).toBe('check');
      expect(reasonVi).toContain(`Ký tự kiểm tra "${wrong}"`);
      expect(reasonEn).toContain(`check character "${wrong}"`);
    }
  });

  it('refuse empty input, wrong length and characters outside the alphabet', () => {
    expect(problemOf('')).toBe('empty');
    expect(problemOf(' - ')).toBe('empty');
    expect(problemOf('ABC-DEF')).toBe('length');
    expect(problemOf('ABC-DEF-GHJK')).toBe('length');
    expect(problemOf('AB0-DEF-GHJ')).toBe('character');
    expect(problemOf('ABO-DEF-GHJ')).toBe('character');
    expect(problemOf('ABI-DEF-GHJ')).toBe('character');
    expect(problemOf('ABC/DEF?GH')).toBe('character');
    expect(problemOf('ÂBC-DEF-GHJ')).toBe('character');
  });
});

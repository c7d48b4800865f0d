import { createHash } from 'node:crypto';

/**
 * Lookup codes for data messages (Decree 137 Art. 5.1.b: "a unique code to access the data message
 * through a search interface").
 *
 * Alphabet: the digits 2-9 and the letters A-Z without I, L and O, 31 symbols in all, so 0/O and 1/I/L
 * can never be confused when a code is read aloud or retyped. A code is 8 data symbols and one check
 * symbol, shown in groups of three: `K7Q-M4T-ZP5`.
 *
 * Check symbol: the symbol c that makes  sum((i + 1) * v_i) + 9 * c ≡ 0 (mod 31)  over the 8 data
 * values v_0..v_7. 31 is prime and every weight (1..9) is non-zero and differs from its neighbour by 1,
 * so any single substituted symbol and any swap of two adjacent symbols (check symbol included)
 * changes the sum and is caught.
 */
export const LOOKUP_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const MODULUS = LOOKUP_ALPHABET.length; // 31, prime
export const LOOKUP_DATA_LENGTH = 8;
export const LOOKUP_CODE_LENGTH = LOOKUP_DATA_LENGTH + 1;

export type LookupCodeProblem = 'empty' | 'length' | 'character' | 'check';

/** Why a typed code is not a lookup code; `problem` says which kind, the texts say it to a person. */
export class LookupCodeError extends Error {
  constructor(
    readonly problem: LookupCodeProblem,
    readonly reasonVi: string,
    readonly reasonEn: string,
  ) {
    super(reasonEn);
    this.name = 'LookupCodeError';
  }
}

function valueOf(symbol: string): number {
  return LOOKUP_ALPHABET.indexOf(symbol);
}

/** The check symbol for 8 data symbols (already in the alphabet). */
export function checkSymbol(data: string): string {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += (i + 1) * valueOf(data.charAt(i));
  const weight = data.length + 1;
  // Solve weight * c ≡ -sum (mod 31) by trying the 31 values: cheap and obviously right.
  for (let c = 0; c < MODULUS; c++) {
    if ((sum + weight * c) % MODULUS === 0) return LOOKUP_ALPHABET.charAt(c);
  }
  throw new Error('unreachable: 31 is prime');
}

/** Formats 9 canonical symbols as `XXX-XXX-XXX`. */
export function formatLookupCode(canonical: string): string {
  return `${canonical.slice(0, 3)}-${canonical.slice(3, 6)}-${canonical.slice(6)}`;
}

/**
 * The `attempt`-th candidate code for a data message: derived from its id, so a re-delivered upload
 * reserves the same code again; a later attempt is used only when an earlier code belongs to another
 * message. Returned canonical (no hyphens, upper case).
 */
export function candidateLookupCode(messageId: string, attempt: number): string {
  const digest = createHash('sha256').update(`${messageId}:${attempt}`).digest();
  let data = '';
  for (let i = 0; i < LOOKUP_DATA_LENGTH; i++) data += LOOKUP_ALPHABET.charAt((digest[i] ?? 0) % MODULUS);
  return data + checkSymbol(data);
}

/**
 * Reads a code as a person typed it: any case, hyphens and spaces ignored. Returns the canonical
 * form or throws LookupCodeError naming what is wrong.
 */
export function parseLookupCode(input: string): string {
  const canonical = input.replace(/[\s-]+/g, '').toUpperCase();
  if (canonical === '') {
    throw new LookupCodeError('empty', 'Chưa nhập mã tra cứu.', 'No lookup code was given.');
  }
  for (const symbol of canonical) {
    if (!LOOKUP_ALPHABET.includes(symbol)) {
      const hint = /[0O1IL]/.test(symbol) ? ' Mã không bao giờ chứa 0, O, 1, I, L.' : '';
      const hintEn = /[0O1IL]/.test(symbol) ? ' Codes never contain 0, O, 1, I or L.' : '';
      throw new LookupCodeError(
        'character',
        `Mã tra cứu có ký tự không hợp lệ "${symbol}".${hint}`,
        `The lookup code contains the character "${symbol}", which codes do not use.${hintEn}`,
      );
    }
  }
  if (canonical.length !== LOOKUP_CODE_LENGTH) {
    throw new LookupCodeError(
      'length',
      `Mã tra cứu phải có ${LOOKUP_CODE_LENGTH} ký tự (không kể dấu gạch), nhận được ${canonical.length}.`,
      `A lookup code has ${LOOKUP_CODE_LENGTH} characters (hyphens aside); got ${canonical.length}.`,
    );
  }
  const data = canonical.slice(0, LOOKUP_DATA_LENGTH);
  const given = canonical.charAt(LOOKUP_DATA_LENGTH);
  if (checkSymbol(data) !== given) {
    throw new LookupCodeError(
      'check',
      `Ký tự kiểm tra "${given}" (ký tự cuối) không khớp với mã: có ký tự bị gõ nhầm hoặc đổi chỗ.`,
      `The check character "${given}" (the last one) does not match the code: a character was mistyped or two were swapped.`,
    );
  }
  return canonical;
}

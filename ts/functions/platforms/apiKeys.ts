import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Platform API keys: `etp.{platformId}.{secret}`. Only the SHA-256 of a key is stored; the platform id in
 * the key says which stored hashes to compare with, in constant time.
 */
const PREFIX = 'etp';

export function hashKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export function newPlatformKey(platformId: string): { key: string; hash: Buffer } {
  const key = `${PREFIX}.${platformId}.${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashKey(key) };
}

/** The platform a key claims to belong to, or undefined for anything that is not a platform key. */
export function platformIdOfKey(key: string): string | undefined {
  const parts = key.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !parts[1] || !parts[2]) return undefined;
  return parts[1];
}

/** Constant-time comparison of two SHA-256 digests (always 32 bytes, so lengths never differ). */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

import type { HttpRequest } from '@azure/functions';
import { regulatorApiKey } from '../core/config';
import { ForbiddenError, UnauthorizedError } from '../core/errors';
import { hashKey, platformIdOfKey, sameHash } from './apiKeys';
import type { PlatformKeyStore } from './platformKeyStore';

export type Caller = { kind: 'regulator' } | { kind: 'platform'; platformId: string };

/** A hash to compare against when there is nothing to compare, so a miss costs about as much as a hit. */
const NOTHING = hashKey('no key');

/**
 * Who sent the request, from `x-api-key`: the regulator key (app setting REGULATOR_API_KEY, a Key Vault
 * reference in Azure) or a platform key whose hash is stored and not revoked. Every comparison is of
 * SHA-256 digests in constant time.
 */
export async function authenticate(request: HttpRequest, keys: PlatformKeyStore): Promise<Caller> {
  const presented = request.headers.get('x-api-key')?.trim();
  if (!presented) throw new UnauthorizedError('Send your API key in the x-api-key header.');
  const hash = hashKey(presented);
  if (sameHash(hash, hashKey(regulatorApiKey()))) return { kind: 'regulator' };
  const platformId = platformIdOfKey(presented);
  const stored = platformId ? await keys.active(platformId) : [];
  let match = false;
  for (const key of stored) match = sameHash(hash, key.hash) || match;
  if (!stored.length) sameHash(hash, NOTHING);
  if (!match || !platformId) throw new UnauthorizedError('The API key is not valid.');
  return { kind: 'platform', platformId };
}

export function requireRegulator(caller: Caller): void {
  if (caller.kind !== 'regulator') throw new ForbiddenError('Only the regulator may do this.');
}

/** The platform itself, or the regulator. */
export function requirePlatformOrRegulator(caller: Caller, platformId: string): void {
  if (caller.kind === 'platform' && caller.platformId !== platformId) {
    throw new ForbiddenError('A platform may act only on its own data.');
  }
}

/** The platform itself only: it declares its own statistics. */
export function requirePlatform(caller: Caller, platformId: string): void {
  if (caller.kind !== 'platform')
    throw new ForbiddenError('Only the platform itself may send its statistics.');
  if (caller.platformId !== platformId) throw new ForbiddenError('A platform may act only on its own data.');
}

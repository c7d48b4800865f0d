import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import { ValidationError } from '../core/errors';
import { newPlatformKey } from './apiKeys';
import type { PlatformKeyStore } from './platformKeyStore';
import type { PlatformRecord, PlatformStore } from './platformStore';
import type { PlatformPatch, PlatformRegistration } from './schemas';

export interface RegistryDeps {
  platforms: PlatformStore;
  keys: PlatformKeyStore;
  clock: Clock;
}

function checkOperatingSince(operatingSince: string | undefined, now: Date): void {
  if (operatingSince === undefined) return;
  const today = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  if (operatingSince > today) {
    throw new ValidationError([{ field: 'operatingSince', message: `${operatingSince} is in the future.` }]);
  }
}

/** Registering platforms, changing them and issuing their keys. A key is returned once and stored as a hash. */
export class PlatformRegistry {
  constructor(private readonly deps: RegistryDeps) {}

  async register(registration: PlatformRegistration): Promise<{ platform: PlatformRecord; apiKey: string }> {
    const now = this.deps.clock.now();
    checkOperatingSince(registration.operatingSince, now);
    const platform = await this.deps.platforms.register(randomUUID(), registration, now);
    const { key, hash } = newPlatformKey(platform.id);
    await this.deps.keys.add(platform.id, hash, now);
    return { platform, apiKey: key };
  }

  async update(id: string, patch: PlatformPatch): Promise<PlatformRecord> {
    const now = this.deps.clock.now();
    checkOperatingSince(patch.operatingSince, now);
    return this.deps.platforms.update(id, patch, now);
  }

  /** A new key for the platform; every earlier key stops working. */
  async rotateKey(id: string): Promise<{ apiKey: string; keyId: string; revoked: number }> {
    await this.deps.platforms.require(id);
    const now = this.deps.clock.now();
    const { key, hash } = newPlatformKey(id);
    const keyId = await this.deps.keys.add(id, hash, now);
    const revoked = await this.deps.keys.revokeAllBut(id, keyId, now);
    return { apiKey: key, keyId, revoked };
  }
}

import { afterEach, describe, expect, it } from 'vitest';
import { appClock, moveAppClockTo, toVietnamTime } from '../../../functions/core/clock';
import {
  LOCAL_HOST_MARKER,
  durableTaskHub,
  historyRetentionDays,
  localClockStart,
  storageSettings,
} from '../../../functions/core/config';
import { ConfigError } from '../../../functions/core/errors';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('configuration', () => {
  it('names a missing setting', () => {
    delete process.env.DURABLE_TASK_HUB;
    expect(() => durableTaskHub()).toThrow(ConfigError);
    expect(() => durableTaskHub()).toThrow(/DURABLE_TASK_HUB: is missing/);
  });

  it('names a malformed setting and what it should be', () => {
    process.env.DURABLE_TASK_HUB = 'bad-hub!';
    expect(() => durableTaskHub()).toThrow(/DURABLE_TASK_HUB: must be 3-45 letters and digits/);
    process.env.ORCHESTRATION_HISTORY_RETENTION_DAYS = '1.5';
    expect(() => historyRetentionDays()).toThrow(
      /ORCHESTRATION_HISTORY_RETENTION_DAYS: must be a whole number/,
    );
    process.env.ORCHESTRATION_HISTORY_RETENTION_DAYS = '';
    expect(historyRetentionDays()).toBe(90);
  });

  it('uses a connection string locally and the identity-based account name in Azure', () => {
    process.env.AzureWebJobsStorage = 'UseDevelopmentStorage=true';
    expect(storageSettings()).toEqual({
      kind: 'connectionString',
      connectionString: 'UseDevelopmentStorage=true',
    });
    delete process.env.AzureWebJobsStorage;
    process.env.AzureWebJobsStorage__accountName = 'stetx';
    process.env.AzureWebJobsStorage__clientId = 'client-1';
    expect(storageSettings()).toEqual({ kind: 'identity', accountName: 'stetx', clientId: 'client-1' });
    delete process.env.AzureWebJobsStorage__accountName;
    expect(() => storageSettings()).toThrow(/AzureWebJobsStorage: is missing/);
  });

  it('refuses a moved clock outside the local host', () => {
    process.env.LOCAL_CLOCK_START = '2027-01-30T00:00:00Z';
    delete process.env[LOCAL_HOST_MARKER];
    expect(() => localClockStart()).toThrow(/LOCAL_CLOCK_START: is refused outside the local host/);
    expect(() => moveAppClockTo(new Date('2030-01-01T00:00:00Z'))).toThrow(/only inside the local host/);
    process.env[LOCAL_HOST_MARKER] = 'true';
    expect(localClockStart()?.toISOString()).toBe('2027-01-30T00:00:00.000Z');
    process.env.LOCAL_CLOCK_START = 'next tuesday';
    expect(() => localClockStart()).toThrow(/not an ISO-8601 time/);
  });
});

describe('clock', () => {
  it('moves the app clock inside the local host and shows Vietnam time', () => {
    process.env[LOCAL_HOST_MARKER] = 'true';
    moveAppClockTo(new Date('2027-01-30T16:59:00Z'));
    const now = appClock.now();
    expect(Math.abs(now.getTime() - Date.parse('2027-01-30T16:59:00Z'))).toBeLessThan(5_000);
    moveAppClockTo(new Date());
    expect(toVietnamTime(new Date('2027-01-30T17:00:00Z'))).toBe('2027-01-31T00:00:00+07:00');
  });
});

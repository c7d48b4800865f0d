/**
 * The platforms app on the local durable engine over in-memory Azurite: HTTP functions called through
 * PlatformsApi with a real DurableClient, the orchestration through the SDK's replay, time from a
 * ManualClock that also moves the app clock (functions read appClock, the engine its own clock).
 */
import { ManualClock, moveAppClockTo } from '../../../functions/core/clock';
import { LOCAL_HOST_MARKER } from '../../../functions/core/config';
import type { RunningAzurite } from '../../../local/azurite';
import { managementPayload } from '../../../local/durable/clientData';
import { startDurableTestHost, type DurableTestHost } from '../../../local/durable/testing';
import { captureRegistrations, type CapturedApp } from '../../../local/functionsCore';
import { PlatformsApi } from './api';
import { POPULATION, registration } from './samples';

export const REGULATOR = 'test-regulator-key-0123456789abcdef';

/** A manual clock that keeps the app clock on the same time. */
export class SyncedClock extends ManualClock {
  constructor(start: string) {
    super(start);
    moveAppClockTo(this.now());
  }
  override set(to: Date | string): void {
    super.set(to);
    moveAppClockTo(this.now());
  }
  override advance(ms: number): void {
    super.advance(ms);
    moveAppClockTo(this.now());
  }
}

let captured: Promise<CapturedApp> | undefined;

/** Every function of the platforms and notifications capabilities, captured once per test file. */
export function platformsApp(): Promise<CapturedApp> {
  captured ??= captureRegistrations(async () => {
    await import('../../../functions/index');
    await import('../../../functions/platforms/registerPlatform.function');
    await import('../../../functions/platforms/listPlatforms.function');
    await import('../../../functions/platforms/getPlatform.function');
    await import('../../../functions/platforms/updatePlatform.function');
    await import('../../../functions/platforms/rotatePlatformKey.function');
    await import('../../../functions/platforms/getPopulation.function');
    await import('../../../functions/platforms/putPopulation.function');
    await import('../../../functions/platforms/putStatistics.function');
    await import('../../../functions/platforms/getDetermination.function');
    await import('../../../functions/platforms/reviewDetermination.function');
    await import('../../../functions/platforms/startSelfDeterminations.function');
    await import('../../../functions/platforms/selfDetermination.function');
    await import('../../../functions/notifications/listNotifications.function');
  });
  return captured;
}

export interface PlatformsHost {
  host: DurableTestHost;
  api: PlatformsApi;
  clock: SyncedClock;
  stop(options?: { keepAzurite?: boolean }): Promise<void>;
}

export async function startPlatformsHost(
  options: { start?: string; clock?: SyncedClock; azurite?: RunningAzurite } = {},
): Promise<PlatformsHost> {
  process.env[LOCAL_HOST_MARKER] = 'true';
  process.env.REGULATOR_API_KEY = REGULATOR;
  const clock = options.clock ?? new SyncedClock(options.start ?? '2026-01-05T03:00:00Z');
  const app = await platformsApp();
  const host = await startDurableTestHost(
    options.azurite ? { app, clock, azurite: options.azurite } : { app, clock },
  );
  const api = new PlatformsApi(app);
  api.durableClientData = () => host.engine.clientBindingData();
  return { host, api, clock, stop: (stopOptions) => host.stop(stopOptions) };
}

/** Registers a platform as the regulator; returns its id and key. */
export async function registered(
  api: PlatformsApi,
  name: string,
  website: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; key: string }> {
  const reply = await api.request('POST', '/api/platforms', {
    key: REGULATOR,
    body: registration(name, website, extra),
  });
  if (reply.status !== 201) throw new Error(`registration failed: ${reply.status} ${reply.text}`);
  return { id: reply.json.id as string, key: reply.json.apiKey as string };
}

export async function withPopulation(api: PlatformsApi): Promise<void> {
  const { year, value, source, announcedOn } = POPULATION;
  const reply = await api.request('PUT', `/api/population/${year}`, {
    key: REGULATOR,
    body: { value, source, announcedOn },
  });
  if (reply.status >= 300) throw new Error(`population failed: ${reply.status} ${reply.text}`);
}

export interface InstanceView {
  runtimeStatus: string;
  customStatus: { status?: string; processedVersion?: number; reportedVersion?: number } | null;
  output: unknown;
}

/** The instance's status through the durable HTTP API, as an operator would read it. */
export async function instanceStatus(
  running: PlatformsHost,
  instanceId: string,
): Promise<InstanceView | undefined> {
  const links = managementPayload(running.host.baseUrl, running.host.taskHub, instanceId);
  const reply = await fetch(links.statusQueryGetUri);
  if (reply.status === 404) return undefined;
  return (await reply.json()) as InstanceView;
}

/** Raises an event through the durable HTTP API (what DurableClient.raiseEvent does). */
export async function raiseEvent(
  running: PlatformsHost,
  instanceId: string,
  name: string,
  data: unknown,
): Promise<number> {
  const links = managementPayload(running.host.baseUrl, running.host.taskHub, instanceId);
  const reply = await fetch(links.sendEventPostUri.replace('{eventName}', name), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  return reply.status;
}

/** Runs the yearly timer by hand, as POST /admin/functions/startSelfDeterminations does. */
export async function runYearlyTimer(running: PlatformsHost): Promise<void> {
  await running.host.invokeFunction('startSelfDeterminations', {
    json: JSON.stringify({ isPastDue: false }),
  });
  await running.host.engine.waitForIdle();
}

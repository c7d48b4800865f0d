import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../../functions/notifications/notification';
import {
  instanceStatus,
  raiseEvent,
  REGULATOR,
  registered,
  runYearlyTimer,
  startPlatformsHost,
  withPopulation,
  type PlatformsHost,
} from '../../support/platforms/platformsHost';
import { statisticsBody } from '../../support/platforms/samples';

/**
 * The selfDetermination orchestration through the SDK's replay on the local durable engine, with its real
 * activities and storage. One cycle (2026) on one clock: the yearly timer opens it on 1 January, the
 * platforms answer (or not) and the clock moves through the reminders and the deadline.
 */
type Platform = { id: string; key: string };
let running: PlatformsHost;
const p: Record<'onTime' | 'silent' | 'returned' | 'duplicate' | 'young', Platform> = {} as never;

const LARGE = 4_000_000;
const SMALL = 500_000;
const idle = () => running.host.engine.waitForIdle();
const instanceId = (platform: Platform) => `selfdet-${platform.id}-2026`;
const determination = async (platform: Platform) =>
  running.api.request('GET', `/api/platforms/${platform.id}/determinations/2026`, { key: REGULATOR });
const state = async (platform: Platform) => (await determination(platform)).json;
const timelineTypes = async (platform: Platform) =>
  ((await state(platform)).timeline as { type: string }[]).map((e) => e.type);
const put = (platform: Platform, users: number, extra: Record<string, unknown> = {}) =>
  running.api.request('PUT', `/api/platforms/${platform.id}/statistics/2026`, {
    key: platform.key,
    body: statisticsBody('2025-01', users, extra),
  });
const review = (platform: Platform, decision: 'accept' | 'return', reason: string) =>
  running.api.request('POST', `/api/platforms/${platform.id}/determinations/2026/review`, {
    key: REGULATOR,
    body: { decision, reason },
  });
async function notifications(platform: Platform): Promise<Notification[]> {
  const reply = await running.api.request('GET', `/api/notifications?platformId=${platform.id}&limit=1000`, {
    key: REGULATOR,
  });
  return (reply.json.notifications as Notification[]).reverse();
}
const noticeTypes = async (platform: Platform) =>
  (await notifications(platform)).map((n) => n.type.replace('selfDetermination.', ''));

beforeAll(async () => {
  // 1 January 2026, 00:05 in Vietnam: when the yearly timer fires.
  running = await startPlatformsHost({ start: '2025-12-31T17:05:00Z' });
  await withPopulation(running.api);
  p.onTime = await registered(running.api, 'Sàn Đúng Hạn', 'https://dunghan.example.vn');
  p.silent = await registered(running.api, 'Sàn Im Lặng', 'https://imlang.example.vn');
  p.returned = await registered(running.api, 'Sàn Bị Trả Lại', 'https://tralai.example.vn');
  p.duplicate = await registered(running.api, 'Sàn Gửi Trùng', 'https://guitrung.example.vn');
  p.young = await registered(running.api, 'Sàn Mới Mở', 'https://moimo.example.vn', {
    operatingSince: '2025-06-01',
  });
});
afterAll(async () => {
  await running.stop();
});

describe('selfDetermination orchestration', () => {
  it('is started by the yearly timer for platforms operating 12 months, once', async () => {
    await runYearlyTimer(running);
    for (const platform of [p.onTime, p.silent, p.returned, p.duplicate]) {
      expect(await state(platform)).toMatchObject({
        status: 'awaitingStatistics',
        deadlineVietnam: '2026-01-31T00:00:00+07:00',
      });
      expect(await timelineTypes(platform)).toEqual(['started']);
      const [started] = await notifications(platform);
      expect(started).toMatchObject({
        type: 'selfDetermination.started',
        recipients: ['platform'],
        platformId: platform.id,
      });
      expect(started?.text.vi).toContain('chậm nhất ngày 30/01/2026');
    }
    expect(await instanceStatus(running, instanceId(p.onTime))).toMatchObject({
      runtimeStatus: 'Running',
      customStatus: { status: 'awaitingStatistics', processedVersion: 0 },
    });
    // Not yet 12 months of operation by the deadline: no cycle.
    expect((await determination(p.young)).status).toBe(404);
    expect(await instanceStatus(running, instanceId(p.young))).toBeUndefined();

    await runYearlyTimer(running);
    expect(await noticeTypes(p.onTime)).toEqual(['started']);
    expect(await timelineTypes(p.onTime)).toEqual(['started']);
  });

  it('takes a submission before the deadline: reported with its scale, then accepted and determined', async () => {
    running.clock.set('2026-01-05T03:00:00Z');
    const reply = await put(p.onTime, LARGE);
    expect(reply.status).toBe(201);
    await idle();
    expect(await state(p.onTime)).toMatchObject({
      status: 'reported',
      scale: 'large',
      late: false,
      submissionVersion: 1,
    });
    expect(await instanceStatus(running, instanceId(p.onTime))).toMatchObject({
      customStatus: { status: 'reported', reportedVersion: 1 },
    });
    const reported = (await notifications(p.onTime)).at(-1);
    expect(reported).toMatchObject({
      type: 'selfDetermination.reported',
      recipients: ['platform', 'regulator'],
      data: { scale: 'large' },
    });

    expect((await review(p.onTime, 'accept', 'Số liệu hợp lệ / valid')).status).toBe(202);
    await idle();
    expect(await state(p.onTime)).toMatchObject({ status: 'determined', acceptedVersion: 1, scale: 'large' });
    expect(await timelineTypes(p.onTime)).toEqual([
      'started',
      'statisticsReceived',
      'reported',
      'accepted',
      'determined',
    ]);
    expect(await instanceStatus(running, instanceId(p.onTime))).toMatchObject({
      runtimeStatus: 'Completed',
      output: { status: 'determined', processedVersion: 1 },
    });
    expect(await noticeTypes(p.onTime)).toEqual(['started', 'reported', 'determined']);
  });

  it('sends a returned report back to the platform; the resubmission is reported and accepted', async () => {
    await put(p.returned, LARGE);
    await idle();
    expect(
      (await review(p.returned, 'return', 'Thiếu mô tả phương pháp đo / measurement method missing')).status,
    ).toBe(202);
    await idle();
    expect(await state(p.returned)).toMatchObject({
      status: 'returned',
      lastReview: { decision: 'return', version: 1 },
    });
    expect(await instanceStatus(running, instanceId(p.returned))).toMatchObject({
      runtimeStatus: 'Running',
      customStatus: { status: 'returned' },
    });
    const returned = (await notifications(p.returned)).at(-1);
    expect(returned).toMatchObject({
      type: 'selfDetermination.returned',
      data: { reason: 'Thiếu mô tả phương pháp đo / measurement method missing' },
    });
    // A review now is refused: nothing is waiting for one.
    expect((await review(p.returned, 'accept', 'x')).status).toBe(409);

    const again = await put(p.returned, 11_000_000);
    expect(again.json).toMatchObject({ version: 2, changed: true });
    await idle();
    expect(await state(p.returned)).toMatchObject({
      status: 'reported',
      scale: 'particularlyLarge',
      submissionVersion: 2,
    });
    await review(p.returned, 'accept', 'Đã bổ sung / completed');
    await idle();
    const final = await state(p.returned);
    expect(final).toMatchObject({ status: 'determined', acceptedVersion: 2 });
    expect(
      (final.reviews as { version: number; decision: string }[]).map((r) => [r.version, r.decision]),
    ).toEqual([
      [1, 'return'],
      [2, 'accept'],
    ]);
    expect(await timelineTypes(p.returned)).toEqual([
      'started',
      'statisticsReceived',
      'reported',
      'returned',
      'statisticsReceived',
      'reported',
      'accepted',
      'determined',
    ]);
  });

  it('handles a duplicate event once: the same submission twice is one transition', async () => {
    await put(p.duplicate, LARGE);
    await idle();
    expect(await raiseEvent(running, instanceId(p.duplicate), 'statistics', { version: 1 })).toBe(202);
    expect(await raiseEvent(running, instanceId(p.duplicate), 'statistics', { version: 1 })).toBe(202);
    expect((await put(p.duplicate, LARGE)).json).toMatchObject({ version: 1, changed: false });
    // A review of a version that is not the one waiting is ignored too.
    await raiseEvent(running, instanceId(p.duplicate), 'review', {
      reviewId: 'stale',
      version: 7,
      decision: 'accept',
      reason: 'x',
    });
    await idle();
    expect(await timelineTypes(p.duplicate)).toEqual(['started', 'statisticsReceived', 'reported']);
    expect(await noticeTypes(p.duplicate)).toEqual(['started', 'reported']);
    expect(await instanceStatus(running, instanceId(p.duplicate))).toMatchObject({
      runtimeStatus: 'Running',
      customStatus: { status: 'reported', processedVersion: 1, reportedVersion: 1 },
    });
  });

  it('reminds 14 and 3 days before the deadline, only platforms that have sent nothing', async () => {
    running.clock.set('2026-01-16T16:59:00Z');
    await idle();
    expect(await noticeTypes(p.silent)).toEqual(['started']);
    running.clock.set('2026-01-16T17:00:00Z');
    await idle();
    const fourteen = (await notifications(p.silent)).at(-1);
    expect(fourteen).toMatchObject({
      type: 'selfDetermination.reminder',
      occurredAt: '2026-01-16T17:00:00.000Z',
      occurredAtVietnam: '2026-01-17T00:00:00+07:00',
      data: { daysBefore: 14 },
    });
    running.clock.set('2026-01-27T17:00:00Z');
    await idle();
    const three = (await notifications(p.silent)).at(-1);
    expect(three).toMatchObject({ occurredAtVietnam: '2026-01-28T00:00:00+07:00', data: { daysBefore: 3 } });
    expect(three?.text.vi).toContain('Còn 3 ngày');
    expect(await timelineTypes(p.silent)).toEqual(['started', 'reminder', 'reminder']);
    for (const answered of [p.onTime, p.returned, p.duplicate])
      expect(await noticeTypes(answered)).not.toContain('reminder');
  });

  it('marks a missed deadline overdue, tells platform and regulator, and still takes a late submission', async () => {
    running.clock.set('2026-01-30T16:59:59Z');
    await idle();
    expect((await state(p.silent)).status).toBe('awaitingStatistics');
    running.clock.set('2026-01-30T17:00:00Z');
    await idle();
    expect((await state(p.silent)).status).toBe('overdue');
    const overdue = (await notifications(p.silent)).at(-1);
    expect(overdue).toMatchObject({
      type: 'selfDetermination.overdue',
      recipients: ['platform', 'regulator'],
    });
    // A platform that reported in time is not overdue while its report waits for review.
    expect((await state(p.duplicate)).status).toBe('reported');

    running.clock.set('2026-02-03T02:00:00Z');
    const late = await put(p.silent, SMALL);
    expect(late.status).toBe(201);
    expect(late.json).toMatchObject({ late: true, classification: { scale: 'none' } });
    await idle();
    expect(await state(p.silent)).toMatchObject({ status: 'determined', late: true, scale: 'none' });
    expect(await timelineTypes(p.silent)).toEqual([
      'started',
      'reminder',
      'reminder',
      'overdue',
      'statisticsReceived',
      'determined',
    ]);
    expect(await instanceStatus(running, instanceId(p.silent))).toMatchObject({ runtimeStatus: 'Completed' });
    expect(await noticeTypes(p.silent)).toEqual(['started', 'reminder', 'reminder', 'overdue', 'determined']);
  });
});

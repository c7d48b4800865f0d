import { describe, expect, it } from 'vitest';
import { hashKey, newPlatformKey, platformIdOfKey, sameHash } from '../../../functions/platforms/apiKeys';
import { classify } from '../../../functions/platforms/classification';
import { deadlineFor } from '../../../functions/platforms/cycles';
import { statusAfterReview, statusAfterSubmission } from '../../../functions/platforms/determinationStatus';
import {
  selfDeterminationNotice,
  type NoticeFacts,
} from '../../../functions/platforms/selfDeterminationNotices';
import { months, POPULATION } from '../../support/platforms/samples';

const facts: NoticeFacts = {
  eventId: '2026-01-27T17:00:00.000Z-004-1a2b3c4d',
  instanceId: 'selfdet-p1-2026',
  platformId: 'p1',
  platformName: 'Sàn Sen Vàng',
  cycle: 2026,
  deadline: deadlineFor(2026),
  at: new Date('2026-01-27T17:00:00Z'),
};

describe('self-determination notifications', () => {
  it('has a stable id, Vietnamese then English text, and the deadline in both time zones', () => {
    const notice = selfDeterminationNotice('reminder', { ...facts, daysBefore: 3 });
    expect(notice).toMatchObject({
      id: 'selfdet-p1-2026.2026-01-27T17:00:00.000Z-004-1a2b3c4d',
      type: 'selfDetermination.reminder',
      occurredAtVietnam: '2026-01-28T00:00:00+07:00',
      recipients: ['platform'],
      data: {
        cycle: 2026,
        daysBefore: 3,
        deadline: '2026-01-30T17:00:00.000Z',
        deadlineVietnam: '2026-01-31T00:00:00+07:00',
      },
    });
    expect(notice.text.vi).toBe('Còn 3 ngày đến hạn tự xác định quy mô kỳ 2026 (chậm nhất ngày 30/01/2026).');
    expect(notice.text.en).toContain('due by 30/01/2026');
    expect(selfDeterminationNotice('reminder', { ...facts, daysBefore: 3 })).toEqual(notice);
  });

  it('tells the regulator about overdue and reported platforms, with the scale and share', () => {
    expect(selfDeterminationNotice('overdue', facts).recipients).toEqual(['platform', 'regulator']);
    const classification = classify(months('2025-01', 11_000_000), POPULATION, true);
    const reported = selfDeterminationNotice('reported', {
      ...facts,
      classification,
      version: 2,
      late: true,
    });
    expect(reported.recipients).toEqual(['platform', 'regulator']);
    expect(reported.text.vi).toContain('quy mô rất lớn (10,8588% dân số)');
    expect(reported.text.vi).toContain('gửi muộn');
    expect(reported.data).toMatchObject({ scale: 'particularlyLarge', submissionVersion: 2, late: true });
  });

  it('carries the regulator reason to the platform on return', () => {
    const returned = selfDeterminationNotice('returned', { ...facts, reason: 'Thiếu công cụ đo' });
    expect(returned.recipients).toEqual(['platform']);
    expect(returned.text.vi).toContain('Thiếu công cụ đo');
    expect(returned.data.reason).toBe('Thiếu công cụ đo');
  });
});

describe('status rules', () => {
  it('determines below the thresholds, reports above them; accept determines, return sends back', () => {
    expect(statusAfterSubmission('none')).toBe('determined');
    expect(statusAfterSubmission('large')).toBe('reported');
    expect(statusAfterSubmission('particularlyLarge')).toBe('reported');
    expect(statusAfterReview('accept')).toBe('determined');
    expect(statusAfterReview('return')).toBe('returned');
  });
});

describe('platform API keys', () => {
  it('name their platform, are random, and compare by SHA-256 digest', () => {
    const a = newPlatformKey('p-1');
    const b = newPlatformKey('p-1');
    expect(a.key).not.toBe(b.key);
    expect(platformIdOfKey(a.key)).toBe('p-1');
    expect(sameHash(hashKey(a.key), a.hash)).toBe(true);
    expect(sameHash(hashKey(b.key), a.hash)).toBe(false);
    expect(a.hash).toHaveLength(32);
    for (const bad of ['', 'etp', 'etp..x', 'xyz.p-1.secret', 'etp.p-1.secret.more'])
      expect(platformIdOfKey(bad)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { compileRoute } from '../../../local/routes';
import { compileBlobPath } from '../../../local/triggers/blobTrigger';
import { parseSchedule } from '../../../local/triggers/timerTrigger';

describe('route templates', () => {
  it('matches literals case-insensitively and captures parameters, decoded', () => {
    const route = compileRoute('platforms/{id}/statistics/{cycle:int}');
    expect(route.match('Platforms/p%2D1/statistics/2026')).toEqual({ id: 'p-1', cycle: '2026' });
    expect(route.match('platforms/p-1/statistics/next')).toBeUndefined();
    expect(route.match('platforms/p-1/statistics')).toBeUndefined();
    expect(route.match('platforms/p-1/statistics/2026/extra')).toBeUndefined();
  });

  it('handles optional and catch-all parameters', () => {
    expect(compileRoute('items/{id?}').match('items')).toEqual({});
    expect(compileRoute('items/{id?}').match('items/5')).toEqual({ id: '5' });
    expect(compileRoute('files/{*path}').match('files/a/b%20c.pdf')).toEqual({ path: 'a/b c.pdf' });
  });

  it('ranks literal segments above parameters', () => {
    const literal = compileRoute('platforms/keys');
    const parameter = compileRoute('platforms/{id}');
    expect(literal.specificity).toBeGreaterThan(parameter.specificity);
  });

  it('rejects templates it cannot honour', () => {
    expect(() => compileRoute('a/{id:regex(x)}')).toThrow(/constraint/);
    expect(() => compileRoute('a/pre{id}')).toThrow(/segment/);
  });
});

describe('blob trigger paths', () => {
  it('splits the container and captures named parts of the blob name', () => {
    const { container, pattern, names } = compileBlobPath('scans/{agency}/{name}');
    expect(container).toBe('scans');
    expect(names).toEqual(['agency', 'name']);
    expect(pattern.exec('hn-stp/2026/giay to.pdf')?.slice(1)).toEqual(['hn-stp', '2026/giay to.pdf']);
    expect(pattern.test('top-level.pdf')).toBe(false);
  });
});

describe('timer schedules', () => {
  it('reads six-field NCRONTAB in UTC, seconds first', () => {
    const cron = parseSchedule('0 5 17 31 12 *');
    expect(cron.nextRun(new Date('2026-06-01T00:00:00Z'))?.toISOString()).toBe('2026-12-31T17:05:00.000Z');
  });

  it('resolves %SETTING% references and refuses five fields or a missing setting', () => {
    process.env.TEST_SCHEDULE = '0 30 19 * * *';
    expect(parseSchedule('%TEST_SCHEDULE%').nextRun(new Date('2026-01-01T20:00:00Z'))?.toISOString()).toBe(
      '2026-01-02T19:30:00.000Z',
    );
    expect(() => parseSchedule('5 17 31 12 *')).toThrow(/six NCRONTAB fields/);
    expect(() => parseSchedule('%NO_SUCH_SETTING_X%')).toThrow(/NO_SUCH_SETTING_X/);
  });
});

import { HttpRequest, InvocationContext } from '@azure/functions';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NotFoundError } from '../../../functions/core/errors';
import { readJson, withProblems } from '../../../functions/core/http';

const schema = z.object({ name: z.string().min(1), users: z.number().int().nonnegative() });

function post(
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): HttpRequest {
  return new HttpRequest({ method: 'POST', url: 'http://127.0.0.1/api/x', headers, body: { string: body } });
}

/** Problem responses carry their JSON as a string body. */
function text(body: unknown): string {
  if (typeof body !== 'string') throw new Error('expected a string body');
  return body;
}

const context = new InvocationContext({
  functionName: 'test',
  invocationId: 'inv-1',
  logHandler: () => undefined,
});
const echo = withProblems(async (request) => ({ jsonBody: await readJson(request, schema, 64) }));

async function problem(
  request: HttpRequest,
): Promise<{ status: number; type: string; body: Record<string, unknown> }> {
  const response = await echo(request, context);
  const headers = new Headers(response.headers);
  expect(headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text(response.body)) as Record<string, unknown>;
  return { status: response.status ?? 200, type: String(body.type), body };
}

describe('JSON bodies and problem responses', () => {
  it('returns the parsed body when it is valid', async () => {
    const response = await echo(post('{"name":"Sở","users":3}'), context);
    expect((response as { jsonBody?: unknown }).jsonBody).toEqual({ name: 'Sở', users: 3 });
  });

  it('415 for a wrong content type', async () => {
    const result = await problem(post('{}', { 'content-type': 'text/plain' }));
    expect(result).toMatchObject({ status: 415, type: '/problems/unsupported-media-type' });
  });

  it('413 for a body over the limit', async () => {
    const result = await problem(post(JSON.stringify({ name: 'x'.repeat(100), users: 1 })));
    expect(result).toMatchObject({ status: 413, type: '/problems/payload-too-large' });
  });

  it('400 for malformed JSON', async () => {
    const result = await problem(post('{"name":'));
    expect(result.status).toBe(400);
    const errors = result.body.errors as { field: string; message: string }[];
    expect(errors.map((issue) => issue.field)).toEqual(['(body)']);
    expect(errors[0]?.message).toContain('Not valid JSON');
  });

  it('400 naming every invalid field at once', async () => {
    const result = await problem(post('{"name":"","users":-1.5}'));
    expect(result.status).toBe(400);
    expect((result.body.errors as { field: string }[]).map((issue) => issue.field).sort()).toEqual([
      'name',
      'users',
    ]);
  });

  it('maps typed errors by kind and hides unexpected ones behind a 500', async () => {
    const missing = withProblems(() => Promise.reject(new NotFoundError('No platform p-9.')));
    const notFound = await missing(post('{}'), context);
    expect(notFound.status).toBe(404);
    expect(JSON.parse(text(notFound.body))).toMatchObject({
      type: '/problems/not-found',
      detail: 'No platform p-9.',
    });
    const crash = withProblems(() => Promise.reject(new Error('secret internals')));
    const internal = await crash(post('{}'), context);
    expect(internal.status).toBe(500);
    expect(text(internal.body)).not.toContain('secret internals');
    expect(text(internal.body)).toContain('inv-1');
  });
});

import type { HttpResponseInit } from '@azure/functions';

/** RFC 9457 problem details. `type` is a stable relative URI, one per kind of problem. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problemType(kind: string): string {
  return `/problems/${kind}`;
}

export function problemResponse(
  status: number,
  kind: string,
  title: string,
  detail?: string,
  extensions: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): HttpResponseInit {
  const body: ProblemDetails = { type: problemType(kind), title, status, ...extensions };
  if (detail !== undefined) body.detail = detail;
  return {
    status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
    body: JSON.stringify(body),
  };
}

import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { z } from 'zod';
import {
  AppError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
  type FieldIssue,
} from './errors';
import { problemResponse } from './problem';

const STATUS_BY_KIND: Record<string, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
};

const TITLE_BY_KIND: Record<string, string> = {
  validation: 'Dữ liệu không hợp lệ / The request is not valid',
  unauthorized: 'Chưa xác thực / Authentication required',
  forbidden: 'Không có quyền / Not allowed',
  'not-found': 'Không tìm thấy / Not found',
  conflict: 'Xung đột / Conflict',
  'payload-too-large': 'Dữ liệu quá lớn / Payload too large',
  'unsupported-media-type': 'Sai kiểu dữ liệu / Unsupported media type',
};

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponseInit {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

/** Maps a thrown error to a problem response: typed errors by kind, anything else 500 without internals. */
export function errorResponse(error: unknown, context: InvocationContext): HttpResponseInit {
  if (error instanceof AppError) {
    const status = STATUS_BY_KIND[error.kind] ?? 400;
    const headers: Record<string, string> =
      status === 401 ? { 'www-authenticate': 'ApiKey header="x-api-key"' } : {};
    return problemResponse(
      status,
      error.kind,
      TITLE_BY_KIND[error.kind] ?? error.kind,
      error.message,
      error.extensions,
      headers,
    );
  }
  context.error(`Unhandled error in ${context.functionName} (${context.invocationId})`, error);
  return problemResponse(
    500,
    'internal',
    'Lỗi hệ thống / Internal error',
    `The request could not be completed. Quote invocation ${context.invocationId} to the operator.`,
  );
}

/** Wraps an HTTP handler so that every error leaves as RFC 9457 problem details. */
export function withProblems(handler: HttpHandler): HttpHandler {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error, context);
    }
  };
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : '(body)',
    message: issue.message,
  }));
}

/** Validates a value against a schema, collecting every problem into one ValidationError. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(zodIssues(result.error));
  return result.data;
}

export const DEFAULT_MAX_JSON_BYTES = 256 * 1024;

/** Reads a JSON body: checks the content type and size before parsing, then validates it. */
export async function readJson<T extends z.ZodType>(
  request: HttpRequest,
  schema: T,
  maxBytes = DEFAULT_MAX_JSON_BYTES,
): Promise<z.output<T>> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(contentType)) {
    throw new UnsupportedMediaTypeError(
      `Send the body as application/json (got "${contentType || 'nothing'}").`,
    );
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new PayloadTooLargeError(`The body is over the limit of ${maxBytes} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw new PayloadTooLargeError(`The body is over the limit of ${maxBytes} bytes.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ValidationError([{ field: '(body)', message: `Not valid JSON: ${(error as Error).message}` }]);
  }
  return parseWith(schema, value);
}

/**
 * Typed errors the domain throws. Only the HTTP adapters (core/http.ts) turn them into status codes,
 * so domain code never speaks HTTP.
 */

/** One problem with one field of the input. `field` is a JSON-pointer-like dotted path. */
export interface FieldIssue {
  field: string;
  message: string;
}

export abstract class AppError extends Error {
  /** Stable slug used as the RFC 9457 `type`: `/problems/{kind}`. */
  abstract readonly kind: string;
  constructor(
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  readonly kind = 'validation';
  constructor(
    readonly issues: FieldIssue[],
    message = 'The request is not valid.',
  ) {
    super(message, { errors: issues });
  }
}

export class NotFoundError extends AppError {
  readonly kind = 'not-found';
}

export class ConflictError extends AppError {
  readonly kind = 'conflict';
}

export class UnauthorizedError extends AppError {
  readonly kind = 'unauthorized';
}

export class ForbiddenError extends AppError {
  readonly kind = 'forbidden';
}

export class PayloadTooLargeError extends AppError {
  readonly kind = 'payload-too-large';
}

export class UnsupportedMediaTypeError extends AppError {
  readonly kind = 'unsupported-media-type';
}

/** A setting the app needs is missing or malformed. Thrown at first use, naming the setting. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`App setting ${setting}: ${problem}`);
    this.name = 'ConfigError';
  }
}

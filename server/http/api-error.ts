// Errors the API sends as `{ error: { code, message } }`. The codes extend shared/errors.ts
// with the HTTP-only cases a desktop IPC call never meets (401, 413, 429); each carries the
// status it maps to, so a route throws one thing and the error handler does the rest.
import type { ErrorCode } from '../../shared/errors';

export type ApiErrorCode = ErrorCode | 'unauthorized' | 'rate_limited' | 'payload_too_large' | 'unsupported_media_type';

const statusByCode: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unknown_call: 404,
  unsupported: 400,
  newer_version: 409,
  io_error: 500,
  offline: 503,
  internal: 500,
};

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; fields?: Record<string, string> } & Record<string, unknown>;
}

/** Machine-readable facts a client needs to recover, e.g. `expectedOffset` for an upload, or the task a claim lost to. */
export type ApiErrorDetails = Record<string, string | number | boolean | string[] | object>;

export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly options: {
      status?: number;
      fields?: Record<string, string>;
      headers?: Record<string, string>;
      details?: ApiErrorDetails;
    } = {},
  ) {
    super(message);
    this.status = options.status ?? statusByCode[code];
  }

  toBody(): ApiErrorBody {
    const { fields, details } = this.options;
    return { error: { ...details, code: this.code, message: this.message, ...(fields ? { fields } : {}) } };
  }
}

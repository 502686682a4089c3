// Errors that cross a process boundary. Every failure a user can see is one of these
// codes plus a sentence that says what happened and what to do next; stack traces stay
// in the log of the process that failed.
import { z } from 'zod';

export const errorCodes = [
  'invalid_input',
  'unknown_call',
  'forbidden',
  'not_found',
  'conflict',
  'unsupported',
  'newer_version',
  'io_error',
  'offline',
  'unauthorized',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** Field-level problems, for forms: path ("name", "price.amount") → message. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type AppErrorData = z.infer<typeof appErrorSchema>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  toData(): AppErrorData {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }

  static fromData(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, data.fields);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

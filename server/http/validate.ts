// Every body, param and query passes through zod before a route sees it; the failure becomes
// one sentence naming the fields, never zod's raw issue list.
import type { z } from 'zod';
import { describeZodError } from '../../shared/zod-message';
import { ApiError } from './api-error';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { message, fields } = describeZodError(result.error, what);
  throw new ApiError('invalid_input', message, { fields });
}

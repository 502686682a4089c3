// Turns a zod error into one sentence a person can act on, plus per-field messages for forms.
import type { z } from 'zod';

export function describeZodError(error: z.ZodError, what: string): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '(input)';
    if (!(key in fields)) fields[key] = issue.message;
  }
  const parts = Object.entries(fields).map(([key, msg]) => (key === '(input)' ? msg : `${key}: ${msg}`));
  return { message: `${what} was not accepted: ${parts.join('; ')}.`, fields };
}

// A fatal error as one or two plain sentences for the terminal. Our own AppErrors already say
// what happened and what to do; anything else is a bug or an OS problem, so it says that, and
// the stack is shown only when PROOFDESK_DEBUG=1 asks for it.
import { isAppError } from '../../shared/errors';

export function describeFatal(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  if (isAppError(error)) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const text = `The import stopped because of an unexpected problem: ${message}. Nothing was lost; run the same command again. If it happens again, run it with PROOFDESK_DEBUG=1 and report the output.`;
  return env.PROOFDESK_DEBUG === '1' && error instanceof Error && error.stack ? `${text}\n${error.stack}` : text;
}

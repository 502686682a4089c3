// The handler registry: one dispatch function used by Electron IPC and by the browser host.
// It checks where a call came from, validates input and output against the contract, and
// turns every failure into a user-readable AppError envelope (stacks go to the log only).

import { type CallName, calls, isCallName } from '../../shared/contract';
import { type Envelope, fail, ok } from '../../shared/envelope';
import { isAppError } from '../../shared/errors';
import { describeZodError } from '../../shared/zod-message';
import type { CallContext, Handlers, Logger } from './types';

export interface DispatcherOptions {
  handlers: Handlers;
  isTrustedOrigin: (origin: string | null) => boolean;
  log: Logger;
}

export type Dispatch = (name: unknown, input: unknown, ctx: CallContext) => Promise<Envelope<unknown>>;

export function createDispatcher({ handlers, isTrustedOrigin, log }: DispatcherOptions): Dispatch {
  return async function dispatch(name, rawInput, ctx) {
    if (!isTrustedOrigin(ctx.origin)) {
      log.warn(`refused call ${String(name)} from untrusted origin ${String(ctx.origin)}`);
      return fail({ code: 'forbidden', message: 'This request did not come from the Proofdesk window, so it was refused.' });
    }
    if (!isCallName(name)) {
      return fail({
        code: 'unknown_call',
        message: `Proofdesk does not know the action "${String(name)}". If this keeps happening, update the app.`,
      });
    }
    const definition = calls[name];
    const parsed = definition.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const { message, fields } = describeZodError(parsed.error, `The request "${definition.summary}"`);
      return fail({ code: 'invalid_input', message, fields });
    }
    try {
      const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
      const value = await handler(parsed.data, ctx);
      const checked = definition.output.safeParse(value);
      if (!checked.success) {
        log.error(`handler ${name} answered outside its contract`, checked.error);
        return internalFailure(name);
      }
      return ok(checked.data);
    } catch (error) {
      if (isAppError(error)) return fail(error.toData());
      log.error(`handler ${name} failed`, error);
      return internalFailure(name);
    }
  };
}

function internalFailure(name: CallName): Envelope<never> {
  return fail({
    code: 'internal',
    message: `Something went wrong (${calls[name].summary.toLowerCase()}). Nothing was changed; try again, and if it repeats, send the log from Settings.`,
  });
}

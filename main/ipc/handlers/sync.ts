import os from 'node:os';
import { AppError } from '../../../shared/errors';
import type { Handlers } from '../types';
import { type HandlerDeps, requireSession } from './deps';

export function syncHandlers(deps: HandlerDeps): Pick<Handlers, Extract<keyof Handlers, `sync.${string}`>> {
  return {
    'sync.status': () => deps.session()?.sync.status() ?? null,
    'sync.pair': async ({ code, deviceName }) => {
      const { sync } = requireSession(deps);
      const serverUrl = sync.status().serverUrl;
      if (!serverUrl) throw new AppError('invalid_input', 'Set the hosted service address in Settings first.');
      await sync.pair(serverUrl, code, deviceName || os.hostname());
      return sync.syncNow();
    },
    'sync.now': () => requireSession(deps).sync.syncNow(),
    'sync.pairingCode': () => requireSession(deps).sync.newPairingCode(),
  };
}

// Builds the core for the browser host and starts it; used by the CLI and by e2e tests.
import { createCore } from '../core/create-core';
import { localPairingFile } from '../core/local-server';
import type { Logger } from '../ipc/types';
import { createFileSecretStore } from '../services/secrets';
import { openNodePrefsStore } from '../services/settings';
import { type RunningHost, startHost } from './host-server';

export interface RunHostOptions {
  configDir: string;
  rendererDir: string;
  version: string;
  log: Logger;
  port?: number;
}

export interface HostRun extends RunningHost {
  /** The hosted service set in Settings, or null to run the local one. */
  serverUrl: string | null;
}

export async function runHost({ configDir, rendererDir, version, log, port }: RunHostOptions): Promise<HostRun> {
  const trusted = new Set<string>();
  const core = createCore({
    runtime: 'browser-host',
    version,
    prefsStore: openNodePrefsStore(configDir),
    secrets: createFileSecretStore(configDir),
    localPairingFile: localPairingFile(configDir),
    isTrustedOrigin: (origin) => origin !== null && trusted.has(origin),
    log,
  });
  await core.library.reopenLast();
  const host = await startHost({ core, rendererDir, ...(port !== undefined ? { port } : {}) });
  for (const origin of host.origins) trusted.add(origin);
  return { ...host, serverUrl: core.prefs.get().serverUrl };
}

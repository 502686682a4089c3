// A real core (real conf file, real library service) in a temp folder, for tests that need
// the dispatcher or the host without Electron.
import { createCore } from '../../main/core/create-core';
import type { Logger } from '../../main/ipc/types';
import { createFileSecretStore } from '../../main/services/secrets';
import { openNodePrefsStore } from '../../main/services/settings';

export interface RecordingLogger extends Logger {
  lines: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const push =
    (level: string) =>
    (message: string, ...rest: unknown[]) => {
      lines.push(`${level} ${message} ${rest.map((r) => (r instanceof Error ? r.stack : String(r))).join(' ')}`);
    };
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

export function makeTestCore(configDir: string, options: { trusted?: (origin: string | null) => boolean } = {}) {
  const log = recordingLogger();
  const core = createCore({
    runtime: 'browser-host',
    version: '0.0.0-test',
    prefsStore: openNodePrefsStore(configDir),
    secrets: createFileSecretStore(configDir),
    isTrustedOrigin: options.trusted ?? ((origin) => origin === 'app://proofdesk/index.html'),
    log,
    now: () => new Date('2026-11-25T10:00:00Z'),
  });
  return { core, log };
}

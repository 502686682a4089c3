// Where Proofdesk keeps per-user files when Electron's app.getPath is not available
// (browser host). Mirrors Electron's userData location so both runtimes share preferences.
import os from 'node:os';
import path from 'node:path';

export function userConfigDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PROOFDESK_CONFIG_DIR) return path.resolve(env.PROOFDESK_CONFIG_DIR);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Proofdesk');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Proofdesk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Proofdesk');
}

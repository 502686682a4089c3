// Where the embedded server keeps its SQLite file and files folder when PROOFDESK_DATA_DIR
// is not set: beside the desktop app's own folder, so one laptop keeps everything together.
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Proofdesk', 'server');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Proofdesk', 'server');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'proofdesk', 'server');
}

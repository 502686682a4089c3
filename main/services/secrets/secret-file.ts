// The JSON file behind both stores: one entry per secret, tagged with how its value is
// encoded, so a token written as plain text can be upgraded to keyring ciphertext later and
// a ciphertext is never mistaken for a token. Written atomically (tmp + fsync + rename) so a
// crash leaves the old file or the new one, never half a token.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { SECRETS_FILE, SECRETS_FOLDER } from './secret-store';

export type SecretEntry = { encoding: 'plain'; value: string } | { encoding: 'safeStorage'; value: string };
export type SecretEntries = Record<string, SecretEntry>;

interface FileShape {
  version: 1;
  entries: SecretEntries;
}

export interface SecretFile {
  readonly path: string;
  read(): Promise<SecretEntries>;
  /** Read-modify-write, one at a time, so two saves in flight cannot drop each other's entry. */
  update(change: (entries: SecretEntries) => boolean): Promise<void>;
}

export function openSecretFile(configDir: string): SecretFile {
  const dir = path.join(configDir, SECRETS_FOLDER);
  const file = path.join(dir, SECRETS_FILE);
  let queue: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<SecretEntries> => {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new AppError('io_error', `The device token file ${file} cannot be read (${(error as Error).message}).`);
    }
    // A copy restored from a backup may have lost its mode; tighten it before trusting it.
    await fs.chmod(file, 0o600).catch(() => undefined);
    return parse(text, file);
  };
  const write = async (entries: SecretEntries): Promise<void> => {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    // mkdir's mode only applies to a folder it creates; ours must be private even if it existed.
    await fs.chmod(dir, 0o700);
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    // 'wx' + 0600 at creation: the token is never readable by others, not even for a moment.
    const handle = await fs.open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify({ version: 1, entries } satisfies FileShape), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(tmp, file);
    } catch (error) {
      await fs.rm(tmp, { force: true });
      throw new AppError('io_error', `The device token could not be saved in ${file} (${(error as Error).message}).`);
    }
  };
  return {
    path: file,
    read: () => queue.then(read),
    update(change) {
      const next = queue.then(async () => {
        const entries = await read();
        if (change(entries)) await write(entries);
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

function parse(text: string, file: string): SecretEntries {
  try {
    const data = JSON.parse(text) as Partial<FileShape>;
    if (data && data.version === 1 && data.entries && typeof data.entries === 'object') return data.entries;
  } catch {
    // fall through: reported below
  }
  throw new AppError('io_error', `The device token file ${file} is damaged. Delete it and pair this device again.`);
}

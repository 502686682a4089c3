// Plain Node (browser host, tests) and Linux without a keyring: the secret sits in a file
// only this user can read, and the store says so through `notice`.
import { openSecretFile, type SecretFile } from './secret-file';
import { FILE_NOTICE, type SecretStore } from './secret-store';

export function createFileSecretStore(configDir: string): SecretStore {
  return storeOverFile(openSecretFile(configDir));
}

export function storeOverFile(file: SecretFile): SecretStore {
  return {
    kind: 'file',
    notice: FILE_NOTICE,
    async get(name) {
      const entry = (await file.read())[name];
      // A keyring ciphertext cannot be read without the keyring: the device has to pair again.
      return entry?.encoding === 'plain' ? entry.value : null;
    },
    set: (name, value) =>
      file.update((entries) => {
        entries[name] = { encoding: 'plain', value };
        return true;
      }),
    delete: (name) => file.update((entries) => deleteEntry(entries, name)),
  };
}

export function deleteEntry(entries: Record<string, unknown>, name: string): boolean {
  if (!(name in entries)) return false;
  delete entries[name];
  return true;
}

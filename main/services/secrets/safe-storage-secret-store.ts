// Electron's safeStorage, taken as an argument so this service never imports 'electron'
// (main/app passes `safeStorage`). Ciphertext goes into the same file as the plain store.
// Linux without a keyring reports the 'basic_text' backend, whose "encryption" is a fixed
// key: that is no protection, so we fall back to the 0600 file and show its notice instead.
import { deleteEntry, storeOverFile } from './file-secret-store';
import { openSecretFile } from './secret-file';
import type { SecretStore } from './secret-store';

/** The part of Electron's `safeStorage` we use. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only (Electron ≥ 25): 'basic_text', 'gnome_libsecret', 'kwallet5', … */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function hasRealKeyring(safeStorage: SafeStorageLike): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  const backend = safeStorage.getSelectedStorageBackend?.();
  return backend !== 'basic_text' && backend !== 'unknown';
}

export function createSafeStorageSecretStore(configDir: string, safeStorage: SafeStorageLike): SecretStore {
  const file = openSecretFile(configDir);
  if (!hasRealKeyring(safeStorage)) return storeOverFile(file);
  const encrypt = (value: string) => safeStorage.encryptString(value).toString('base64');
  return {
    kind: 'keyring',
    notice: null,
    async get(name) {
      const entry = (await file.read())[name];
      if (!entry) return null;
      if (entry.encoding === 'plain') {
        // Written while no keyring was available: encrypt it now that there is one.
        await file.update((entries) => {
          if (entries[name]?.encoding !== 'plain') return false;
          entries[name] = { encoding: 'safeStorage', value: encrypt(entry.value) };
          return true;
        });
        return entry.value;
      }
      try {
        return safeStorage.decryptString(Buffer.from(entry.value, 'base64'));
      } catch {
        // The keyring was reset or this file came from another machine: the token is gone
        // for good, and the device shows as not paired rather than failing every sync.
        return null;
      }
    },
    set: (name, value) =>
      file.update((entries) => {
        entries[name] = { encoding: 'safeStorage', value: encrypt(value) };
        return true;
      }),
    delete: (name) => file.update((entries) => deleteEntry(entries, name)),
  };
}

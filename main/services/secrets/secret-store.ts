// Where device tokens live (design §3): never in settings. `kind` and `notice` are for the UI,
// which must say so visibly when the token is only protected by file permissions.
export interface SecretStore {
  readonly kind: 'keyring' | 'file';
  /** A sentence to show the user, or null when the OS keyring protects the secrets. */
  readonly notice: string | null;
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

export const FILE_NOTICE = 'Your device token is kept in a file only your user account can read, because this computer offers no keyring.';

/** Folder (0700) and file (0600) inside the app's config folder. */
export const SECRETS_FOLDER = 'secrets';
export const SECRETS_FILE = 'device-secrets.json';

export { createFileSecretStore } from './file-secret-store';
export { createSafeStorageSecretStore, hasRealKeyring, type SafeStorageLike } from './safe-storage-secret-store';
export { FILE_NOTICE, SECRETS_FILE, SECRETS_FOLDER, type SecretStore } from './secret-store';

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createFileSecretStore, createSafeStorageSecretStore, FILE_NOTICE, type SafeStorageLike, SECRETS_FILE, SECRETS_FOLDER } from '.';

function configDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'proofdesk-secrets-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
const fileOf = (dir: string) => path.join(dir, SECRETS_FOLDER, SECRETS_FILE);
const mode = (p: string) => statSync(p).mode & 0o777;

// Stands in for Electron's safeStorage, which cannot run under plain Node/vitest: a reversible
// "encryption" that is visibly not the plain text, so the test can tell which path ran.
function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (s) => {
      calls.push('encrypt');
      return Buffer.from(`enc:${[...s].reverse().join('')}`);
    },
    decryptString: (b) => {
      calls.push('decrypt');
      const text = b.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...text.slice(4)].reverse().join('');
    },
  };
}

describe('file secret store (no keyring)', () => {
  it('round-trips a token in a 0600 file inside a 0700 folder, and says so', async () => {
    const dir = configDir();
    const store = createFileSecretStore(dir);
    expect(store.kind).toBe('file');
    expect(store.notice).toBe(FILE_NOTICE);
    expect(await store.get('device')).toBeNull();
    await store.set('device', 'pd_dev_secret');
    expect(await store.get('device')).toBe('pd_dev_secret');
    expect(mode(fileOf(dir))).toBe(0o600);
    expect(mode(path.dirname(fileOf(dir)))).toBe(0o700);
    // A fresh store (next app start) reads the same token.
    expect(await createFileSecretStore(dir).get('device')).toBe('pd_dev_secret');
    await store.delete('device');
    expect(await store.get('device')).toBeNull();
  });

  it('keeps concurrent saves of different secrets', async () => {
    const store = createFileSecretStore(configDir());
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.set(`k${i}`, `v${i}`)));
    for (let i = 0; i < 10; i += 1) expect(await store.get(`k${i}`)).toBe(`v${i}`);
  });

  it('tightens a file whose mode was widened, and reports a damaged file clearly', async () => {
    const dir = configDir();
    const store = createFileSecretStore(dir);
    await store.set('device', 't');
    const { chmodSync } = await import('node:fs');
    chmodSync(fileOf(dir), 0o644);
    expect(await store.get('device')).toBe('t');
    expect(mode(fileOf(dir))).toBe(0o600);
    writeFileSync(fileOf(dir), '{not json');
    await expect(store.get('device')).rejects.toMatchObject({ code: 'io_error', message: expect.stringMatching(/damaged/) });
  });
});

describe('safeStorage secret store (fake Electron safeStorage)', () => {
  it('stores ciphertext, not the token, when a real keyring is there', async () => {
    const dir = configDir();
    const safe = fakeSafeStorage();
    const store = createSafeStorageSecretStore(dir, safe);
    expect(store.kind).toBe('keyring');
    expect(store.notice).toBeNull();
    await store.set('device', 'pd_dev_secret');
    expect(readFileSync(fileOf(dir), 'utf8')).not.toContain('pd_dev_secret');
    expect(mode(fileOf(dir))).toBe(0o600);
    expect(await store.get('device')).toBe('pd_dev_secret');
    expect(safe.calls).toEqual(['encrypt', 'decrypt']);
  });

  it("falls back to the plain 0600 file with the notice on Linux's basic_text backend or without encryption", async () => {
    for (const safe of [fakeSafeStorage('basic_text'), fakeSafeStorage('gnome_libsecret', false)]) {
      const dir = configDir();
      const store = createSafeStorageSecretStore(dir, safe);
      expect(store.kind).toBe('file');
      expect(store.notice).toBe(FILE_NOTICE);
      await store.set('device', 'tok');
      expect(await store.get('device')).toBe('tok');
      expect(safe.calls).toEqual([]);
      expect(mode(fileOf(dir))).toBe(0o600);
    }
  });

  it('encrypts a token saved without a keyring once a keyring appears; an unreadable ciphertext means "not paired"', async () => {
    const dir = configDir();
    await createFileSecretStore(dir).set('device', 'tok');
    const store = createSafeStorageSecretStore(dir, fakeSafeStorage());
    expect(await store.get('device')).toBe('tok');
    expect(readFileSync(fileOf(dir), 'utf8')).not.toContain('"tok"');
    expect(await store.get('device')).toBe('tok');
    // Without the keyring the ciphertext is useless: the plain store does not hand it out as a token.
    expect(await createFileSecretStore(dir).get('device')).toBeNull();
    const broken = fakeSafeStorage();
    broken.decryptString = () => {
      throw new Error('keyring reset');
    };
    expect(await createSafeStorageSecretStore(dir, broken).get('device')).toBeNull();
  });
});

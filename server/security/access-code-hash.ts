// Gallery access codes are short enough that a bare sha256 could be reversed by trying every
// code; scrypt with a per-gallery salt makes a leaked hash expensive to attack. The stored
// form is self-describing so the cost can be raised later without breaking old galleries.
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { normaliseHumanCode } from './human-codes';

const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(code: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(normaliseHumanCode(code), salt, KEY_LENGTH, { ...params, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashAccessCode(code: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(code, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyAccessCode(code: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(code, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * For an unknown gallery link: spend the same time as a real check, so response timing does
 * not tell an attacker which links exist.
 */
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstNothing(code: string): Promise<false> {
  dummyHash ??= hashAccessCode(newDummy());
  await verifyAccessCode(code, await dummyHash);
  return false;
}
function newDummy(): string {
  return randomBytes(8).toString('hex');
}

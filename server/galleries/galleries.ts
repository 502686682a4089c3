// Gallery rows as far as client access needs them: a public slug (the link) and a hashed
// access code. Publishing (issue 5 point 3) builds on createGallery.
import { randomInt, randomUUID } from 'node:crypto';
import type { Db } from '../db/types';
import { hashAccessCode } from '../security/access-code-hash';
import { newHumanCode } from '../security/human-codes';

const SLUG_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export const slugPattern = /^[a-z0-9][a-z0-9-]{2,63}$/;

export function newSlug(): string {
  let slug = '';
  for (let i = 0; i < 12; i += 1) slug += SLUG_ALPHABET[randomInt(SLUG_ALPHABET.length)];
  return slug;
}

export interface CreatedGallery {
  id: string;
  slug: string;
  title: string;
  /** Shown to the studio once, to pass on to the client; only its scrypt hash is kept. */
  accessCode: string;
}

export async function createGallery(
  db: Db,
  input: { studioId: string; title: string; slug?: string; accessCode?: string },
  now: number,
): Promise<CreatedGallery> {
  const id = randomUUID();
  const slug = input.slug ?? newSlug();
  const accessCode = input.accessCode ?? newHumanCode(2);
  await db
    .insertInto('galleries')
    .values({
      id,
      studio_id: input.studioId,
      slug,
      title: input.title,
      access_code_hash: await hashAccessCode(accessCode),
      created_at: now,
    })
    .execute();
  return { id, slug, title: input.title, accessCode };
}

export async function findGalleryBySlug(db: Db, slug: string) {
  return db.selectFrom('galleries').select(['id', 'slug', 'title', 'access_code_hash']).where('slug', '=', slug).executeTakeFirst();
}

export async function findGalleryById(db: Db, id: string) {
  return db.selectFrom('galleries').select(['id', 'slug', 'title']).where('id', '=', id).executeTakeFirst();
}

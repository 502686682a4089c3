// Test-only: where the shared image fixtures and our synthetic RAW fixtures live, resolved
// from this file so tests run from any working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const sharedImages = fileURLToPath(new URL('../../../../shared/fixtures/images/', import.meta.url));
const rawFixtures = fileURLToPath(new URL('../../../test/fixtures/raw/', import.meta.url));

/** A file in shared/fixtures/images (read-only: copy it into a temp dir before writing near it). */
export const sharedImage = (name: string): string => path.join(sharedImages, name);
/** A synthetic RAW made by test/fixtures/raw/make-raw-fixtures.mjs. */
export const rawFixture = (name: string): string => path.join(rawFixtures, name);

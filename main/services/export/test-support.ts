// Test-only: selection photos in one line, exiftool (npm test installs it), fixture paths.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { rawFixturesDir, sharedImagesDir } from '../../../test/helpers/fixtures';
import type { SelectionPhoto } from './build-selection';

export { rawFixturesDir, sharedImagesDir };

export function photo(name: string, over: Partial<SelectionPhoto> = {}): SelectionPhoto {
  return {
    photoId: `id-${name}`,
    name,
    files: [{ path: path.join('/shoot', name), role: 'primary' }],
    rating: 0,
    colorLabel: null,
    orderNumbers: [],
    favourite: false,
    inBasket: false,
    ...over,
  };
}

const run = promisify(execFile);

let available: boolean | undefined;
/** Whether exiftool can be run here (apt-get install libimage-exiftool-perl). */
export async function hasExiftool(): Promise<boolean> {
  if (available === undefined)
    available = await run('exiftool', ['-ver']).then(
      () => true,
      () => false,
    );
  return available;
}

export async function exiftool(...args: string[]): Promise<string> {
  return (await run('exiftool', args)).stdout;
}

/** exiftool's reading of a sidecar as tag → value (-G1 groups, -n numbers). */
export async function exiftoolTags(file: string): Promise<Record<string, unknown>> {
  const json = JSON.parse(await exiftool('-j', '-G1', '-n', '-struct', file)) as Record<string, unknown>[];
  const tags = { ...(json[0] ?? {}) };
  for (const k of Object.keys(tags))
    if (k.startsWith('System:') || k.startsWith('ExifTool:') || k === 'SourceFile' || k.startsWith('File:')) delete tags[k];
  return tags;
}

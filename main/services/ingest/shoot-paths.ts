// Which shoot a file belongs to, and whether a new folder overlaps one already watched.
import path from 'node:path';
import type { Shoot } from '../catalog';

export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The most specific shoot holding the file (a shoot inside a root beats the root). */
export function owningShoot(shoots: Shoot[], filePath: string): Shoot | null {
  let best: Shoot | null = null;
  for (const shoot of shoots) {
    if (isInside(filePath, shoot.path) && (!best || shoot.path.length > best.path.length)) best = shoot;
  }
  return best;
}

/** For a file under a root of shoots: the root's first-level folder that is its shoot. */
export function firstLevelFolder(root: string, filePath: string): string | null {
  const [first, ...rest] = path.relative(root, filePath).split(path.sep);
  return first && rest.length > 0 ? path.join(root, first) : null;
}

/** Roots and standalone shoots are watched; shoots inside a root ride on the root's watcher. */
export function watchedFolders(shoots: Shoot[]): Shoot[] {
  return shoots.filter((s) => !shoots.some((other) => other.kind === 'root' && isInside(s.path, other.path)));
}

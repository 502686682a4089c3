// Variant files (thumbnails, web previews) reach the renderer as URLs under /media/, served
// from the open library's content-addressed cache: never base64 over IPC, never a path the
// renderer chose outside that folder.
import { type AssetResolution, resolveAsset } from './resolve-asset';

export const MEDIA_PREFIX = '/media/';
const MEDIA_TYPES = new Set(['image/jpeg', 'image/webp', 'image/png']);

export function isMediaPath(pathname: string): boolean {
  return pathname.startsWith(MEDIA_PREFIX);
}

export function resolveMedia(pathname: string, mediaDir: string | null): AssetResolution {
  if (!mediaDir) return { kind: 'error', status: 404, reason: 'no library is open' };
  const resolved = resolveAsset(`/${pathname.slice(MEDIA_PREFIX.length)}`, mediaDir, '');
  if (resolved.kind === 'error') return resolved;
  if (!MEDIA_TYPES.has(resolved.mime)) return { kind: 'error', status: 404, reason: 'not a picture' };
  // Content-addressed: a given URL never changes, so the browser may keep it.
  return { ...resolved, headers: { ...resolved.headers, 'Cache-Control': 'private, max-age=31536000, immutable' } };
}

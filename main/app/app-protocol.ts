// app://proofdesk/… serves the built renderer (not file://): a real origin for CSP and
// for the IPC sender check, and no access to the rest of the disk.

import { resolveAsset } from '../assets/resolve-asset';
import { isMediaPath, resolveMedia } from '../assets/resolve-media';
import { APP_HOST } from './app-origin';

export type AppRequestPlan =
  | { kind: 'file'; filePath: string; headers: Record<string, string> }
  | { kind: 'error'; status: number; reason: string };

/** Pure: what to answer for a request URL. Tested without Electron. */
export function planAppRequest(requestUrl: string, rendererDir: string, csp: string, mediaDir: string | null = null): AppRequestPlan {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'error', status: 400, reason: 'malformed URL' };
  }
  if (url.host !== APP_HOST) return { kind: 'error', status: 404, reason: 'unknown host' };
  const resolved = isMediaPath(url.pathname) ? resolveMedia(url.pathname, mediaDir) : resolveAsset(url.pathname, rendererDir, csp);
  if (resolved.kind === 'error') return resolved;
  return { kind: 'file', filePath: resolved.filePath, headers: resolved.headers };
}

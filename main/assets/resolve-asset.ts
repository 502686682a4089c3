// Maps a request path to a file inside the built renderer folder. Used by the app://
// protocol handler in Electron and by the browser host, so both serve the same files
// with the same rules: nothing outside the root, a known MIME type, the CSP header.
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export type AssetResolution =
  | { kind: 'file'; filePath: string; mime: string; headers: Record<string, string> }
  | { kind: 'error'; status: 400 | 403 | 404; reason: string };

export function mimeFor(filePath: string): string | undefined {
  return MIME[path.extname(filePath).toLowerCase()];
}

export function resolveAsset(requestPath: string, root: string, csp: string): AssetResolution {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return { kind: 'error', status: 400, reason: 'malformed path' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'error', status: 400, reason: 'malformed path' };
  const segments = decoded.split('/');
  if (segments.includes('..')) return { kind: 'error', status: 403, reason: 'path escapes the app folder' };
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const rootResolved = path.resolve(root);
  const filePath = path.resolve(rootResolved, relative);
  if (filePath !== rootResolved && !filePath.startsWith(rootResolved + path.sep)) {
    return { kind: 'error', status: 403, reason: 'path escapes the app folder' };
  }
  const mime = mimeFor(filePath);
  if (!mime) return { kind: 'error', status: 404, reason: 'unknown file type' };
  const headers: Record<string, string> = {
    'Content-Type': mime,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': mime.startsWith('text/html') ? 'no-cache' : 'max-age=3600',
  };
  if (mime.startsWith('text/html')) {
    headers['Content-Security-Policy'] = csp;
    headers['Referrer-Policy'] = 'no-referrer';
  }
  return { kind: 'file', filePath, mime, headers };
}

// Serves the built renderer over HTTP with the same resolution rules as the app:// scheme.
import { createReadStream, promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveAsset } from '../assets/resolve-asset';
import { isMediaPath, resolveMedia } from '../assets/resolve-media';

export interface StaticOptions {
  rootDir: string;
  csp: string;
  mediaDir: () => string | null;
  /** Media are the studio's photos: only for pages that hold the run's token. */
  mediaAllowed: (url: URL) => boolean;
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, options: StaticOptions): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://host');
  let resolved: ReturnType<typeof resolveAsset>;
  if (isMediaPath(url.pathname)) {
    if (!options.mediaAllowed(url)) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Missing or wrong access token.');
      return;
    }
    resolved = resolveMedia(url.pathname, options.mediaDir());
  } else resolved = resolveAsset(url.pathname, options.rootDir, options.csp);
  if (resolved.kind === 'error') {
    res.writeHead(resolved.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(resolved.reason);
    return;
  }
  let size: number;
  try {
    const stat = await fs.stat(resolved.filePath);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    const hint = resolved.filePath.endsWith('index.html') ? ' The app has not been built yet: run npm run build.' : '';
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found.${hint}`);
    return;
  }
  res.writeHead(200, { ...resolved.headers, 'Content-Length': String(size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(resolved.filePath).pipe(res);
}

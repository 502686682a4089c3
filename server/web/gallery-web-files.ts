// The built client gallery page (index.html + assets/) from config.galleryWebDir. Requests are
// answered from a listing of that folder, never by joining a URL onto a path (design §7): an
// asset is served only if its relative name is in the listing. The listing is refreshed at
// most every few seconds, so a page rebuilt while the server runs is picked up.
import { promises as fs } from 'node:fs';
import path from 'node:path';

const REFRESH_MS = 2000;

export interface AssetFile {
  file: string;
  size: number;
  contentType: string;
}

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

interface Snapshot {
  at: number;
  index: Buffer | null;
  assets: Map<string, AssetFile>;
}

async function listFiles(root: string, prefix = ''): Promise<Map<string, AssetFile>> {
  const found = new Map<string, AssetFile>();
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(path.join(root, prefix), { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      for (const [name, file] of await listFiles(root, relative)) found.set(name, file);
    } else if (entry.isFile()) {
      const contentType = contentTypes[path.extname(entry.name).toLowerCase()];
      if (!contentType) continue; // Only file types a web page needs; anything else stays private.
      const file = path.join(root, relative);
      found.set(relative, { file, size: (await fs.stat(file)).size, contentType });
    }
  }
  return found;
}

export class GalleryWebFiles {
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;

  constructor(
    private readonly dir: string,
    private readonly clock: () => number,
  ) {}

  private async load(): Promise<Snapshot> {
    let index: Buffer | null = null;
    try {
      index = await fs.readFile(path.join(this.dir, 'index.html'));
    } catch {
      index = null;
    }
    return { at: this.clock(), index, assets: await listFiles(path.join(this.dir, 'assets')) };
  }

  private async current(): Promise<Snapshot> {
    const age = this.snapshot ? this.clock() - this.snapshot.at : Number.POSITIVE_INFINITY;
    // A clock that went backwards (tests, NTP) also refreshes, rather than trusting a future timestamp.
    if (this.snapshot && age >= 0 && age < REFRESH_MS) return this.snapshot;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    this.snapshot = await this.loading;
    return this.snapshot;
  }

  /** index.html, or null when the page has not been built into the folder. */
  async index(): Promise<Buffer | null> {
    return (await this.current()).index;
  }

  /** An asset by its name under assets/ ("app-1234.js", "fonts/x.woff2"), or null. */
  async asset(name: string): Promise<AssetFile | null> {
    return (await this.current()).assets.get(name) ?? null;
  }
}

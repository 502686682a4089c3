import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../test-support/test-server';
import { GALLERY_PAGE_CSP } from './gallery-page';

describeOnEachDatabase('client gallery web page', (server) => {
  it('GET /g/:slug serves index.html with the page CSP (own scripts, styles and images only; never framed)', async () => {
    const res = await fetch(`${server().baseUrl}/g/abcdefghjkmnpqrs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>Gallery</title>');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(GALLERY_PAGE_CSP);
    for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('GET /g/assets/* serves the page’s files with their types; hashed names are cached for good', async () => {
    const js = await fetch(`${server().baseUrl}/g/assets/app-1a2b3c4d.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('content-security-policy')).toBe(GALLERY_PAGE_CSP);
    expect(await js.text()).toBe('console.log("gallery");');
    const css = await fetch(`${server().baseUrl}/g/assets/style.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=300');
    expect((await fetch(`${server().baseUrl}/g/assets/fonts/serif-9f8e7d6c.woff2`)).headers.get('content-type')).toBe('font/woff2');
  });

  it('serves nothing outside the assets listing: traversal, unknown types, missing files are 404', async () => {
    for (const attempt of [
      '/g/assets/../index.html',
      '/g/assets/%2e%2e/index.html',
      '/g/assets/..%2f..%2fproofdesk-server.sqlite',
      '/g/assets/notes.secret',
      '/g/assets/missing.js',
      '/g/assets/fonts',
      '/g/Bad_Slug!',
    ]) {
      const res = await fetch(`${server().baseUrl}${attempt}`);
      expect([400, 404], attempt).toContain(res.status);
      expect(await res.text(), attempt).not.toMatch(/<title>Gallery|SQLite|not a web file/);
    }
  });

  it('picks up a page built while the server runs, and says so plainly when none is built', async () => {
    const dir = server().config.galleryWebDir;
    const index = path.join(dir, 'index.html');
    const original = await fs.readFile(index);
    const later = () => {
      // The folder is listed again at most every 2 s of server time.
      server().clock.offsetMs += 3000;
    };
    await fs.rm(index);
    try {
      later();
      const res = await server().request('GET', '/g/abcdefghjkmnpqrs');
      expect(res.status).toBe(404);
      expect(res.body.error.message).toMatch(/gallery page is not installed on this server yet/);
    } finally {
      await fs.writeFile(index, original);
    }
    later();
    expect((await fetch(`${server().baseUrl}/g/abcdefghjkmnpqrs`)).status).toBe(200);
    server().clock.offsetMs -= 6000;
  });
});

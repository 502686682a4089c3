import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';
import { resolveAsset } from './resolve-asset';

const root = path.resolve('/srv/proofdesk/renderer');
const csp = contentSecurityPolicy();

describe('resolveAsset', () => {
  it('serves index.html for the root with the CSP header', () => {
    const r = resolveAsset('/', root, csp);
    expect(r).toMatchObject({ kind: 'file', filePath: path.join(root, 'index.html'), mime: 'text/html; charset=utf-8' });
    if (r.kind === 'file') expect(r.headers['Content-Security-Policy']).toBe(csp);
  });

  it.each([
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
    ['/icons/logo.svg', 'image/svg+xml'],
    ['/img/a%20b.PNG', 'image/png'],
  ])('gives %s the MIME type %s', (p, mime) => {
    expect(resolveAsset(p, root, csp)).toMatchObject({ kind: 'file', mime });
  });

  it.each(['/../etc/passwd', '/assets/../../etc/passwd', '/%2e%2e/etc/passwd', '/assets/%2e%2e/%2e%2e/x.js'])(
    'refuses the escape %s',
    (p) => {
      expect(resolveAsset(p, root, csp)).toMatchObject({ kind: 'error', status: 403 });
    },
  );

  it('refuses backslashes, NUL bytes and malformed escapes', () => {
    expect(resolveAsset('/..%5c..%5cx.js', root, csp)).toMatchObject({ kind: 'error', status: 400 });
    expect(resolveAsset('/a%00.js', root, csp)).toMatchObject({ kind: 'error', status: 400 });
    expect(resolveAsset('/%E0%A4%A', root, csp)).toMatchObject({ kind: 'error', status: 400 });
  });

  it('refuses unknown file types', () => {
    expect(resolveAsset('/main.exe', root, csp)).toMatchObject({ kind: 'error', status: 404 });
  });
});

describe('contentSecurityPolicy', () => {
  it('forbids inline and remote scripts, plugins and framing', () => {
    const policy = contentSecurityPolicy({ connect: ['ws://127.0.0.1:5000'] });
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("connect-src 'self' ws://127.0.0.1:5000");
  });
});

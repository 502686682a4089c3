import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../assets/csp';
import { isAppUrl } from './app-origin';
import { planAppRequest } from './app-protocol';

const root = path.resolve('/opt/Proofdesk/resources/app.asar/out/renderer');
const csp = contentSecurityPolicy();

describe('app:// protocol', () => {
  it('maps app://proofdesk/index.html into the renderer folder with CSP', () => {
    const plan = planAppRequest('app://proofdesk/index.html', root, csp);
    expect(plan).toMatchObject({ kind: 'file', filePath: path.join(root, 'index.html') });
    if (plan.kind === 'file') {
      expect(plan.headers['Content-Security-Policy']).toBe(csp);
      expect(plan.headers['Content-Type']).toBe('text/html; charset=utf-8');
    }
  });

  it('serves assets with their MIME type', () => {
    expect(planAppRequest('app://proofdesk/assets/index-abc.js', root, csp)).toMatchObject({
      kind: 'file',
      headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
    });
  });

  it('cannot reach outside the renderer folder', () => {
    // Whether the URL parser folds the dot segments or leaves them to us, the answer is an
    // error or a file inside the renderer folder, never anything else.
    for (const attempt of [
      'app://proofdesk/../../main/index.js',
      'app://proofdesk/%2e%2e/%2e%2e/main/index.js',
      'app://proofdesk/assets/..%2f..%2fmain/index.js',
      'app://proofdesk/..%5c..%5cmain/index.js',
    ]) {
      const plan = planAppRequest(attempt, root, csp);
      if (plan.kind === 'file') expect(plan.filePath.startsWith(root + path.sep), attempt).toBe(true);
      else expect(plan.status, attempt).toBeGreaterThanOrEqual(400);
    }
    expect(planAppRequest('app://proofdesk/assets/..%2f..%2fmain/index.js', root, csp)).toMatchObject({ kind: 'error', status: 403 });
  });

  it('answers only for its own host', () => {
    expect(planAppRequest('app://elsewhere/index.html', root, csp)).toMatchObject({ kind: 'error', status: 404 });
    expect(planAppRequest('not a url', root, csp)).toMatchObject({ kind: 'error', status: 400 });
  });

  it('recognises app pages as the only trusted origin', () => {
    expect(isAppUrl('app://proofdesk/index.html')).toBe(true);
    expect(isAppUrl('app://proofdesk.evil/index.html')).toBe(false);
    expect(isAppUrl('https://proofdesk/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});

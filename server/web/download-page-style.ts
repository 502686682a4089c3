// The download page's stylesheet, served as a file (GET /d/assets/download-<hash>.css) so the
// page's CSP allows no inline style. The colour, type and spacing tokens are the gallery page's
// (server/gallery-web/src/styles/base.css :root; download-page.test.ts checks they still match),
// so the client sees the same paper and ink as in their gallery.
import { createHash } from 'node:crypto';

export const DOWNLOAD_PAGE_TOKENS: Record<string, string> = {
  '--paper': '#faf9f7',
  '--paper-deep': '#f2efea',
  '--ink': '#1e1c1a',
  '--ink-soft': '#5f5a54',
  '--ink-faint': '#8e8880',
  '--line': '#e4dfd8',
  '--focus': '#2f5d8a',
  '--serif': '"Cormorant Garamond", "Iowan Old Style", "Palatino Linotype", Palatino, P052, "Book Antiqua", Georgia, serif',
  '--sans': 'Inter, -apple-system, BlinkMacSystemFont, "Segoe UI", "Helvetica Neue", "Nimbus Sans", Arial, sans-serif',
  '--ease': 'cubic-bezier(0.22, 0.61, 0.36, 1)',
  '--gutter': 'clamp(12px, 3.2vw, 40px)',
};

const tokens = Object.entries(DOWNLOAD_PAGE_TOKENS)
  .map(([name, value]) => `  ${name}: ${value};`)
  .join('\n');

export const DOWNLOAD_PAGE_CSS = `:root {
${tokens}
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--paper);
  color: var(--ink);
  font: 400 16px / 1.6 var(--sans);
  -webkit-font-smoothing: antialiased;
}
h1, h2 { font-family: var(--serif); font-weight: 400; letter-spacing: -0.01em; line-height: 1.1; margin: 0; }
p { margin: 0; }
a { color: inherit; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 3px; }
.download { width: min(760px, 100%); margin: 0 auto; padding: 72px var(--gutter) 64px; }
.download-head { text-align: center; margin-bottom: 56px; }
.eyebrow { font: 500 11px / 1.4 var(--sans); letter-spacing: 0.24em; text-transform: uppercase; color: var(--ink-soft); }
.eyebrow::before, .eyebrow::after {
  content: ""; display: inline-block; width: 28px; height: 1px; margin: 0 14px; vertical-align: middle; background: var(--line);
}
.download-head h1 { margin: 22px 0 18px; font-size: clamp(38px, 8vw, 56px); }
.lead { color: var(--ink-soft); font-size: 17px; max-width: 44ch; margin: 0 auto; }
.fine-print { font-size: 13px; line-height: 1.5; color: var(--ink-faint); }
.download-head .fine-print { margin-top: 10px; }
.set { border-top: 1px solid var(--line); padding: 36px 0 8px; }
.set-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 16px 24px; margin-bottom: 20px; }
.set-head h2 { font-size: 30px; }
.set-head .fine-print { margin-top: 4px; }
.button-primary {
  display: inline-flex; align-items: center; justify-content: center; min-height: 52px; padding: 0 28px;
  background: var(--ink); color: var(--paper); text-decoration: none;
  font: 500 13px / 1 var(--sans); letter-spacing: 0.16em; text-transform: uppercase;
  transition: background 0.25s var(--ease);
}
.button-primary:hover { background: #000; }
details > summary { cursor: pointer; color: var(--ink-soft); font-size: 14px; padding: 8px 0; }
.files { list-style: none; margin: 0; padding: 0; }
.files li { display: flex; justify-content: space-between; gap: 16px; padding: 10px 0; border-bottom: 1px solid var(--line); }
.files a { text-decoration: none; overflow-wrap: anywhere; }
.files a:hover { text-decoration: underline; text-underline-offset: 4px; }
.files .fine-print { white-space: nowrap; }
.message { min-height: 100svh; display: grid; place-items: center; padding: 72px 24px 48px; text-align: center; }
.message h1 { margin: 22px 0 18px; font-size: clamp(32px, 7vw, 48px); }
@media (prefers-reduced-motion: reduce) { .button-primary { transition: none; } }
`;

/** The stylesheet's address: its content hash in the name, so it can be cached for good. */
export const DOWNLOAD_PAGE_CSS_NAME = `download-${createHash('sha256').update(DOWNLOAD_PAGE_CSS).digest('hex').slice(0, 12)}.css`;

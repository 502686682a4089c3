import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileCount, formatBytes } from '../deliveries/delivery-words';
import { type DownloadList, languageFromHeader, renderDownloadPage, renderDownloadProblemPage } from './download-page';
import { DOWNLOAD_PAGE_CSS, DOWNLOAD_PAGE_CSS_NAME, DOWNLOAD_PAGE_TOKENS } from './download-page-style';

const token = 'A'.repeat(43);
const list = (language: 'en' | 'pl', files = 2): DownloadList => ({
  studioName: 'Studio <Jasna>',
  galleryTitle: 'Ślub Ani & Tomka',
  orderNumber: '2026-0007',
  language,
  expiresAt: '2026-06-30T10:00:00.000Z',
  sets: [
    {
      set: 'full',
      files: Array.from({ length: files }, (_, i) => ({
        fileId: `f${i}`,
        name: `IMG_${i}.jpg`,
        size: 4_200_000,
        width: 6000,
        height: 4000,
      })),
      totalBytes: files * 4_200_000,
    },
  ],
});

describe('the download page', () => {
  it('uses the gallery page’s colour and type tokens (server/gallery-web/src/styles/base.css)', () => {
    const base = readFileSync(new URL('../gallery-web/src/styles/base.css', import.meta.url), 'utf8');
    const root = /:root\s*{([^}]*)}/.exec(base)?.[1] ?? '';
    const declared = new Map([...root.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]?.trim()]));
    for (const [name, value] of Object.entries(DOWNLOAD_PAGE_TOKENS)) expect([name, declared.get(name)]).toEqual([name, value]);
    expect(DOWNLOAD_PAGE_CSS_NAME).toMatch(/^download-[0-9a-f]{12}\.css$/);
  });

  it('lists each set with its zip and every file, escaped, without scripts or inline styles', () => {
    const html = renderDownloadPage(list('en'), token);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<link rel="stylesheet" href="/d/assets/${DOWNLOAD_PAGE_CSS_NAME}">`);
    expect(html).toContain('Studio &lt;Jasna&gt;');
    expect(html).toContain('Ślub Ani &amp; Tomka');
    expect(html).toContain(`href="/v1/downloads/${token}/zip?set=full"`);
    expect(html).toContain('Download all (zip, 8.4 MB)');
    expect(html).toContain(`href="/v1/downloads/${token}/files/f1"`);
    expect(html).toContain('This link works until 30 June 2026 at 10:00 UTC.');
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son\w+=/i);
    expect(DOWNLOAD_PAGE_CSS).not.toMatch(/url\(|@import/);
  });

  it('speaks Polish to a Polish client, and folds a long list of files', () => {
    const html = renderDownloadPage(list('pl', 61), token);
    expect(html).toContain('<html lang="pl">');
    expect(html).toContain('Pełna rozdzielczość');
    expect(html).toContain('Pobierz wszystkie (zip, 256 MB)');
    expect(html).toContain('Link działa do 30 czerwca 2026 12:00.');
    expect(html).toContain('<details><summary>Pokaż 61 plików</summary>');
  });

  it('says the link has expired, in the client’s language', () => {
    expect(renderDownloadProblemPage('gone', 'en', 'Studio Jasna')).toContain('This download link has expired.');
    expect(renderDownloadProblemPage('gone', 'en', null)).toContain('Ask the studio for a new one.');
    expect(renderDownloadProblemPage('gone', 'pl', 'Studio Jasna')).toContain('Ten link do pobrania wygasł.');
    expect(languageFromHeader('pl-PL,pl;q=0.9,en;q=0.8')).toBe('pl');
    expect(languageFromHeader('en-GB,pl;q=0.5')).toBe('en');
    expect(languageFromHeader(undefined)).toBe('en');
  });

  it('counts files and bytes as a file manager does', () => {
    expect([
      fileCount(1, 'pl'),
      fileCount(3, 'pl'),
      fileCount(5, 'pl'),
      fileCount(22, 'pl'),
      fileCount(1, 'en'),
      fileCount(2, 'en'),
    ]).toEqual(['1 plik', '3 pliki', '5 plików', '22 pliki', '1 file', '2 files']);
    expect([
      formatBytes(999, 'en'),
      formatBytes(840_000, 'en'),
      formatBytes(4_250_000, 'pl'),
      formatBytes(12_400_000, 'en'),
      formatBytes(5_368_709_120, 'en'),
    ]).toEqual(['999 bytes', '840 KB', '4,3 MB', '12 MB', '5.4 GB']);
  });
});

// GET /d/:token: the client's download page, rendered on the server in the client's language.
// Plain links only (no script, no inline style: the CSP below forbids both), so it works in any
// browser and a download manager can take the links: one "Download all (zip, N MB)" per set and
// every file on its own. The same words as the download e-mail (deliveries/delivery-words.ts).
import type { z } from 'zod';
import type { downloadListResponse } from '../../shared/schemas/delivery-api';
import type { Language } from '../../shared/schemas/prefs';
import { fileCount, formatBytes, formatExpiry, setLabels } from '../deliveries/delivery-words';
import { escapeHtml } from '../mail/templates/blocks';
import { DOWNLOAD_PAGE_CSS_NAME } from './download-page-style';

export type DownloadList = z.infer<typeof downloadListResponse>;

export const DOWNLOAD_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Longer lists start folded (a <details>, no script), so the zip button stays in view. */
const OPEN_LIST_MAX = 60;

const words = {
  en: {
    title: (gallery: string) => `Your photos – ${gallery}`,
    lead: (number: string) => `Order ${number}: your photos are ready to download.`,
    until: (date: string) => `This link works until ${date}.`,
    zip: (size: string) => `Download all (zip, ${size})`,
    zipLabel: (set: string, size: string) => `Download all of ${set} as one zip file, ${size}`,
    showFiles: (count: string) => `Show the ${count}`,
    file: (name: string, size: string) => `Download ${name}, ${size}`,
    goneTitle: 'This download link has expired.',
    goneText: 'Ask the studio for a new one.',
    unknownTitle: 'There is no download at this address.',
    unknownText: 'Check the link in the e-mail from your photographer.',
    busyTitle: 'Too many requests from your network.',
    busyText: 'Wait a few minutes, then reload this page.',
  },
  pl: {
    title: (gallery: string) => `Twoje zdjęcia – ${gallery}`,
    lead: (number: string) => `Zamówienie ${number}: Twoje zdjęcia są gotowe do pobrania.`,
    until: (date: string) => `Link działa do ${date}.`,
    zip: (size: string) => `Pobierz wszystkie (zip, ${size})`,
    zipLabel: (set: string, size: string) => `Pobierz cały zestaw „${set}” jako jeden plik zip, ${size}`,
    showFiles: (count: string) => `Pokaż ${count}`,
    file: (name: string, size: string) => `Pobierz ${name}, ${size}`,
    goneTitle: 'Ten link do pobrania wygasł.',
    goneText: 'Poproś studio o nowy.',
    unknownTitle: 'Pod tym adresem nie ma plików do pobrania.',
    unknownText: 'Sprawdź link w wiadomości od fotografa.',
    busyTitle: 'Zbyt wiele zapytań z Twojej sieci.',
    busyText: 'Odczekaj kilka minut i odśwież tę stronę.',
  },
} satisfies Record<Language, unknown>;

/** The client's language for a page without an order behind it: Polish when the browser asks for it first. */
export function languageFromHeader(acceptLanguage: string | undefined): Language {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('pl') ? 'pl' : 'en';
}

function shell(language: Language, title: string, body: string): string {
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<link rel="stylesheet" href="/d/assets/${DOWNLOAD_PAGE_CSS_NAME}">`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
  ].join('\n');
}

export function renderDownloadPage(list: DownloadList, token: string): string {
  const language = list.language;
  const w = words[language];
  const base = `/v1/downloads/${encodeURIComponent(token)}`;
  const sets = list.sets.map((set) => {
    const label = setLabels[language][set.set];
    const total = formatBytes(set.totalBytes, language);
    const items = set.files
      .map((file) => {
        const size = formatBytes(file.size, language);
        return `<li><a href="${base}/files/${encodeURIComponent(file.fileId)}" download aria-label="${escapeHtml(w.file(file.name, size))}">${escapeHtml(file.name)}</a><span class="fine-print">${size} · ${file.width} × ${file.height} px</span></li>`;
      })
      .join('');
    const count = fileCount(set.files.length, language);
    const list = `<ul class="files">${items}</ul>`;
    return [
      `<section class="set" aria-labelledby="set-${set.set}">`,
      '<div class="set-head">',
      `<div><h2 id="set-${set.set}">${escapeHtml(label)}</h2><p class="fine-print">${count} · ${total}</p></div>`,
      `<a class="button-primary" href="${base}/zip?set=${set.set}" download aria-label="${escapeHtml(w.zipLabel(label, total))}">${escapeHtml(w.zip(total))}</a>`,
      '</div>',
      set.files.length <= OPEN_LIST_MAX ? list : `<details><summary>${escapeHtml(w.showFiles(count))}</summary>${list}</details>`,
      '</section>',
    ].join('\n');
  });
  const body = [
    '<main class="download">',
    '<header class="download-head">',
    `<p class="eyebrow">${escapeHtml(list.studioName)}</p>`,
    `<h1>${escapeHtml(list.galleryTitle)}</h1>`,
    `<p class="lead">${escapeHtml(w.lead(list.orderNumber))}</p>`,
    `<p class="fine-print">${escapeHtml(w.until(formatExpiry(Date.parse(list.expiresAt), language)))}</p>`,
    '</header>',
    ...sets,
    '</main>',
  ].join('\n');
  return shell(language, w.title(list.galleryTitle), body);
}

export type PageProblem = 'unknown' | 'gone' | 'busy';

/** The page for a link that is unknown (404), no longer works (410), or asked too often (429). */
export function renderDownloadProblemPage(problem: PageProblem, language: Language, studioName: string | null): string {
  const w = words[language];
  const title = { unknown: w.unknownTitle, gone: w.goneTitle, busy: w.busyTitle }[problem];
  const text = { unknown: w.unknownText, gone: w.goneText, busy: w.busyText }[problem];
  const body = [
    '<main class="message">',
    '<div>',
    studioName ? `<p class="eyebrow">${escapeHtml(studioName)}</p>` : '',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="lead">${escapeHtml(text)}</p>`,
    '</div>',
    '</main>',
  ].join('\n');
  return shell(language, title, body);
}

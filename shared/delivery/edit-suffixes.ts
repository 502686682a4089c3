// The suffixes editors and exporters add to a photo's name, and the stems a file name can be
// cut back to. Every cut is from the end, so the candidates of one name are prefixes of it and
// "least cut" (the longest candidate) is a total order: the matcher takes the longest candidate
// that is an ordered stem, so `IMG_0412-HDR-Edit.jpg` is IMG_0412-HDR when that photo was
// ordered and IMG_0412 otherwise.
//
// Two kinds of cut:
// - safe: words no camera writes (`-Edit`, ` copy`, `_web`, `-2048px`, ` (1)`, a second
//   extension), each optionally followed by a duplicate counter (`-Edit-2`, ` copy 2`, ` - Copy (2)`);
// - counters: a bare separator and number (`-2`, `_1`, ` 2`, `_2048`). IMG_0412 itself ends in
//   one, so a counter is only cut when the stem left is an ordered one (and never a number with a
//   leading zero, which is a camera's frame number, not a counter).
import { fileStem } from './file-names';

const SEP = String.raw`(?:\s*[-_]\s*|\s+)`;

/** The editor words, as regular-expression sources (case-insensitive); the README's list. */
export const editorWords = [
  // Photoshop, Lightroom "Edit in…", retouchers
  'edit',
  'edited',
  'retouch',
  'retouched',
  'retusz',
  'final',
  // copies: macOS " copy", Windows " - Copy", Polish, German and French systems
  'copy',
  'kopia',
  'kopie',
  'copie',
  // Lightroom merges and Enhance (-Enhanced, -Enhanced-NR, -Enhanced-SR, -Enhanced-RD)
  'hdr',
  'pano',
  'panorama',
  'enhanced',
  'nr',
  'sr',
  'rd',
  'denoised?',
  // DxO PhotoLab and PureRAW (_DxO, _DxO_DeepPRIME, _DxO_DeepPRIMEXD2s, _DxO_PRIME)
  'dxo',
  String.raw`deep[-_ ]?prime(?:[-_ ]?xd\d*s?)?`,
  'prime',
  'pure[-_ ]?raw',
  // Topaz (Photo AI, DeNoise, Sharpen, Gigapixel and their model names), Luminar, ON1
  'topaz',
  'photo[-_ ]?ai',
  'denoise[-_ ]?ai',
  'sharpen(?:ed)?(?:[-_ ]?ai)?',
  'gigapixel(?:[-_ ]?ai)?',
  'upscaled?',
  'enhance',
  'scale',
  'standard',
  'hq',
  'art',
  'lines',
  'cgi',
  'luminar',
  'on1',
  // export presets
  'web',
  'www',
  'full',
  'full[-_ ]?res',
  'full[-_ ]?size',
  'hi[-_ ]?res',
  'high[-_ ]?res',
  'lo[-_ ]?res',
  'low[-_ ]?res',
  'print',
  'druk',
  'instagram',
  'insta',
  'ig',
  'fb',
  'facebook',
  'blog',
  'social',
  'srgb',
  'adobe[-_ ]?rgb',
  'argb',
  'p3',
  'small',
  'medium',
  'large',
  'preview',
  'proof',
  'bw',
  'b&w',
  'mono',
  // sizes, scales, quality and versions: -2048px, _2048x1365, _4k, -4x, -2_00x, _q80, _v2
  String.raw`\d{3,5}px`,
  String.raw`\d{3,5}x\d{3,5}`,
  String.raw`\d{1,2}k`,
  String.raw`\d{1,2}(?:[._]\d{1,2})?x`,
  String.raw`q\d{2,3}`,
  String.raw`v\d{1,2}`,
] as const;

const imageExtensions = 'cr2|cr3|crw|nef|nrw|arw|srf|sr2|raf|orf|rw2|dng|pef|srw|x3f|iiq|3fr|jpe?g|png|tiff?|heic|heif|avif|webp|psd|psb';

interface SuffixRule {
  readonly safe: boolean;
  readonly pattern: RegExp;
}

// Each pattern is anchored at the end; the cut is where its (leftmost) match starts.
const rules: readonly SuffixRule[] = [
  { safe: true, pattern: new RegExp(`${SEP}(?:${editorWords.join('|')})(?:${SEP}\\d{1,2}|\\s*\\(\\d{1,3}\\))?$`, 'iu') },
  // Browser and Windows duplicates: "IMG_0412 (1).jpg", Firefox's "IMG_0412(1).jpg"
  { safe: true, pattern: /\s*\(\d{1,3}\)$/u },
  // The original's extension kept inside the name: "IMG_0412.CR3.jpg"
  { safe: true, pattern: new RegExp(`\\.(?:${imageExtensions})$`, 'iu') },
  // Separators left at the end: "IMG_0412_.jpg", "IMG_0412 .jpg"
  { safe: true, pattern: /[\s_-]+$/u },
  // Duplicate counters and bare sizes: -2 (Lightroom virtual copy), _1 (Capture One variant), " 2" (Finder), _2048
  { safe: false, pattern: new RegExp(`${SEP}[1-9]\\d{0,4}$`, 'u') },
];

export interface StemCandidate {
  /** The stem left after the cut, as written (NFC). */
  readonly stem: string;
  /** What was cut off the end ('' for the name itself). */
  readonly suffix: string;
  /** True when the last cut that reached it was a safe one (or nothing was cut). */
  readonly safe: boolean;
}

const hasLetterOrDigit = /[\p{L}\p{N}]/u;

/** Every stem a file's stem can be cut back to, longest (least cut) first; the first is the stem itself. */
export function stemCandidates(stem: string): StemCandidate[] {
  const n = stem.length;
  // reached[len]: 0 not reached, 1 reached by a counter cut only, 2 reached by a safe cut (or the stem itself)
  const reached = new Uint8Array(n + 1);
  reached[n] = 2;
  const out: StemCandidate[] = [];
  for (let len = n; len > 0; len--) {
    const mark = reached[len] ?? 0;
    if (mark === 0) continue;
    const text = stem.slice(0, len);
    out.push({ stem: text, suffix: stem.slice(len), safe: mark === 2 });
    for (const rule of rules) {
      const m = rule.pattern.exec(text);
      if (!m || m.index === 0) continue;
      if (!hasLetterOrDigit.test(text.slice(0, m.index))) continue;
      const mark2 = rule.safe ? 2 : 1;
      if ((reached[m.index] ?? 0) < mark2) reached[m.index] = mark2;
    }
  }
  return out;
}

/**
 * The base stem of an edited or exported file: no folder (/ or \), no extension, no editor
 * suffixes (`IMG_0412-HDR-Edit copy.jpg` → `IMG_0412`). A bare counter (`-2`, `_1`) is only cut
 * when `isKnownStem` says the stem left is one we know (an ordered photo's), so without it
 * `IMG_0412-2.jpg` stays `IMG_0412-2` and `IMG_0412.jpg` is never shortened to `IMG`.
 * With `isKnownStem`, the longest known candidate wins.
 */
export function editStem(fileName: string, isKnownStem?: (stem: string) => boolean): string {
  const candidates = stemCandidates(fileStem(fileName));
  if (isKnownStem) {
    const known = candidates.find((c) => isKnownStem(c.stem));
    if (known) return known.stem;
  }
  return shortestSafe(candidates);
}

/** The shortest candidate reached by a safe cut: the base stem when no ordered list is known. */
export function shortestSafe(candidates: readonly StemCandidate[]): string {
  let best = candidates[0]?.stem ?? '';
  for (const c of candidates) if (c.safe) best = c.stem;
  return best;
}

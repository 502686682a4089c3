// Delivery by drag and drop (product.md §6): the files the photographer drops onto an order or a
// client, matched by name to the ordered photos, as the preview table shows them before anything
// is sent. Pure and deterministic: no I/O, no clock, no locale.
//
// Decisions:
// - An ordered photo is its photoId: entries sharing one (a RAW+JPEG pair, IMG_0412.CR3 and
//   IMG_0412.JPG) are one photo, known by each of its stems. Two photoIds with the same stem
//   (two cameras, two folders) stay two photos, and a file with that stem is ambiguous between
//   them, unless exactly one of them has a folder name that also appears in the file's path.
// - A file is cut back to its candidate stems (edit-suffixes.ts); the longest candidate that is an
//   ordered stem wins, compared case- and NFC-insensitively. Only when no candidate is, the
//   loose key (no accents, any separator) is tried the same way: `Slub_Ani_001.jpg` ↔ `Ślub Ani 001.jpg`.
// - Files and photos linked this way form groups; a group of one file and one photo is matched,
//   any larger group (two files for one photo, one file for two photos, or both) is one ambiguous
//   row the user resolves with resolveAmbiguity. Nothing is guessed by "better" name.
// - Junk (AppleDouble, .DS_Store, Thumbs.db, sidecars, unfinished downloads, empty files, the
//   same path twice) goes to `ignored` with its reason, never into the table's rows.
// - Rows are ordered by the ordered photo's position (the first of a group's), then by file path
//   (code-unit order of the case-folded path), then matched, ambiguous, missing; files that match
//   nothing come last, by path.
// Performance: one pass over the ordered photos builds a Map per key; each file costs its few
// candidate stems; the "did you mean" hint compares at most 64 stems per unmatched file.

import { type StemCandidate, shortestSafe, stemCandidates } from './edit-suffixes';
import { baseName, compareNames, fileStem, folderSegments, type IgnoredWhy, junkReason, looseKey, strictKey } from './file-names';
import { type DeliveryTextKey, type DeliveryTextParams, deliveryText } from './match-texts';
import { NearStemIndex } from './near-stem';

export interface OrderedPhotoInput {
  readonly photoId: string;
  /** The photo's file name, e.g. IMG_0412.CR3 (a folder part is ignored). */
  readonly name: string;
  /** Where the photo's files are, used only to tell apart photos with the same stem. */
  readonly folder?: string | null;
}

export interface DroppedFileInput {
  readonly path: string;
  readonly size?: number | null;
}

export interface MatchDeliveryInput {
  readonly ordered: readonly OrderedPhotoInput[];
  readonly files: readonly DroppedFileInput[];
}

export interface PhotoRef {
  readonly photoId: string;
  /** The first name the photo was ordered under. */
  readonly name: string;
  readonly stem: string;
  readonly folder: string | null;
  /** Index of the photo among the distinct ordered photos. */
  readonly position: number;
}

export interface FileRef {
  readonly path: string;
  readonly name: string;
  readonly size: number | null;
}

interface RowText {
  readonly key: DeliveryTextKey;
  readonly params: DeliveryTextParams;
  /** The English sentence the UI can show as is. */
  readonly reason: string;
}

/** How a matched file found its photo. */
export type MatchVia = 'exact' | 'edited' | 'loose' | 'folder' | 'chosen';

export interface MatchedRow extends RowText {
  readonly kind: 'matched';
  readonly photo: PhotoRef;
  readonly file: FileRef;
  readonly via: MatchVia;
  /** What was cut off the file's stem to reach the photo's, e.g. "-HDR-Edit" ('' when none). */
  readonly suffix: string;
}

export interface NearHint {
  readonly photoId: string;
  readonly name: string;
  readonly stem: string;
  readonly distance: number;
}

export interface ExtraRow extends RowText {
  readonly kind: 'extra';
  readonly file: FileRef;
  /** The file's stem without its editor suffixes (editStem without an ordered list). */
  readonly stem: string;
  readonly hint: NearHint | null;
}

export interface MissingRow extends RowText {
  readonly kind: 'missing';
  readonly photo: PhotoRef;
}

export interface AmbiguousFile {
  readonly file: FileRef;
  /** The photoIds this file could be, in ordered position. */
  readonly candidates: readonly string[];
  readonly suffix: string;
  readonly tier: 'strict' | 'loose';
}

export interface AmbiguousRow extends RowText {
  readonly kind: 'ambiguous';
  /** Stable id of the group: the photoId of its first photo. */
  readonly group: string;
  readonly photos: readonly PhotoRef[];
  readonly files: readonly AmbiguousFile[];
}

export type DeliveryRow = MatchedRow | ExtraRow | MissingRow | AmbiguousRow;

export interface IgnoredFile extends RowText {
  readonly file: FileRef;
  readonly why: IgnoredWhy;
}

/** Number of rows of each kind (ambiguous: groups to resolve) and of ignored files. */
export interface DeliverySummary {
  readonly matched: number;
  readonly extra: number;
  readonly missing: number;
  readonly ambiguous: number;
  readonly ignored: number;
}

export interface DeliveryMatch {
  readonly rows: readonly DeliveryRow[];
  readonly ignored: readonly IgnoredFile[];
  readonly summary: DeliverySummary;
}

/** The user's answer for one file of an ambiguous row: the photo it is, or null to not send it. */
export interface AmbiguityChoice {
  readonly path: string;
  readonly photoId: string | null;
}

function text(key: DeliveryTextKey, params: DeliveryTextParams = {}): RowText {
  return { key, params, reason: deliveryText(key, params) };
}

interface Photo {
  readonly ref: PhotoRef;
  /** Folder names (by key) only this photo has among the photos with its stem. */
  readonly folderHints: Map<string, string>;
}

interface Link {
  readonly file: FileRef;
  readonly photos: readonly number[];
  readonly suffix: string;
  readonly tier: 'strict' | 'loose';
  readonly byFolder: string | null;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function buildPhotos(ordered: readonly OrderedPhotoInput[]) {
  const photos: Photo[] = [];
  const byId = new Map<string, number>();
  const strict = new Map<string, number[]>();
  const loose = new Map<string, number[]>();
  const stemsOf: string[][] = [];
  for (const o of ordered) {
    let index = byId.get(o.photoId);
    const stem = fileStem(o.name);
    if (index === undefined) {
      index = photos.length;
      byId.set(o.photoId, index);
      const folder = o.folder ?? null;
      photos.push({
        ref: { photoId: o.photoId, name: baseName(o.name).normalize('NFC'), stem, folder, position: index },
        folderHints: new Map(),
      });
      stemsOf.push([]);
    }
    if (!stemsOf[index]?.includes(stem)) stemsOf[index]?.push(stem);
    addTo(strict, strictKey(stem), index);
    addTo(loose, looseKey(stem), index);
  }
  // Folder names that tell same-stem photos apart: those only one of them has. No hints in a
  // group where a photo's folder is unknown (every folder name would look distinctive).
  for (const group of strict.values()) {
    if (group.length < 2 || group.some((i) => !photos[i]?.ref.folder)) continue;
    const segs = group.map((i) => folderSegments(photos[i]?.ref.folder ?? '').map((s) => s.normalize('NFC')));
    const keys = segs.map((list) => new Set(list.map(strictKey)));
    group.forEach((i, gi) => {
      for (const seg of segs[gi] ?? []) {
        const key = strictKey(seg);
        if (keys.every((set, gj) => gj === gi || !set.has(key)) && !photos[i]?.folderHints.has(key)) photos[i]?.folderHints.set(key, seg);
      }
    });
  }
  return { photos, strict, loose, stemsOf };
}

function findStem(candidates: readonly StemCandidate[], index: Map<string, number[]>, key: (s: string) => string) {
  for (const c of candidates) {
    const hit = index.get(key(c.stem));
    if (hit) return { photos: hit, suffix: c.suffix };
  }
  return null;
}

/** Narrows a same-stem file to the one photo whose distinguishing folder name is in the file's path. */
function byFolder(path: string, candidates: readonly number[], photos: readonly Photo[]): { photo: number; folder: string } | null {
  const dirs = new Set(
    folderSegments(path)
      .slice(0, -1)
      .map((s) => strictKey(s)),
  );
  let found: { photo: number; folder: string } | null = null;
  for (const i of candidates) {
    const photo = photos[i];
    if (!photo) continue;
    const key = [...photo.folderHints.keys()].find((k) => dirs.has(k));
    if (key === undefined) continue;
    if (found) return null;
    found = { photo: i, folder: photo.folderHints.get(key) ?? '' };
  }
  return found;
}

/** Splits items into groups that share a key, directly or through other items (union-find); in first-seen order. */
function groupByShared<T, K>(items: readonly T[], keysOf: (item: T) => readonly K[]): T[][] {
  const parent = new Map<K, K>();
  const find = (k: K): K => {
    let root = k;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up;
    for (let at = k; at !== root; ) {
      const up = parent.get(at) as K;
      parent.set(at, root);
      at = up;
    }
    return root;
  };
  for (const item of items) {
    const [first, ...rest] = keysOf(item);
    if (first === undefined) continue;
    if (!parent.has(first)) parent.set(first, first);
    for (const k of rest) {
      if (!parent.has(k)) parent.set(k, k);
      const a = find(first);
      const b = find(k);
      if (a !== b) parent.set(b, a);
    }
  }
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const first = keysOf(item)[0];
    if (first === undefined) continue;
    const root = find(first);
    const list = groups.get(root);
    if (list) list.push(item);
    else groups.set(root, [item]);
  }
  return [...groups.values()];
}

function fileRef(f: DroppedFileInput): FileRef {
  return { path: f.path, name: baseName(f.path).normalize('NFC'), size: f.size ?? null };
}

function ambiguousText(photos: readonly PhotoRef[], files: readonly AmbiguousFile[]): RowText {
  const first = photos[0];
  const params = {
    photo: first?.name ?? '',
    stem: first?.stem ?? '',
    photoCount: String(photos.length),
    fileCount: String(files.length),
  };
  if (photos.length > 1 && files.length > 1) return text('delivery.match.ambiguous.mixed', params);
  if (photos.length > 1) return text('delivery.match.ambiguous.same_stem', params);
  return text('delivery.match.ambiguous.several_files', params);
}

function ambiguousRow(photos: PhotoRef[], files: AmbiguousFile[]): AmbiguousRow {
  photos.sort((a, b) => a.position - b.position);
  files.sort((a, b) => compareNames(a.file.path, b.file.path));
  return { kind: 'ambiguous', group: photos[0]?.photoId ?? '', photos, files, ...ambiguousText(photos, files) };
}

function matchedRow(photo: PhotoRef, file: FileRef, via: MatchVia, suffix: string, folder = ''): MatchedRow {
  const params = { photo: photo.name, stem: photo.stem, suffix, folder };
  return { kind: 'matched', photo, file, via, suffix, ...text(`delivery.match.matched.${via}`, params) };
}

function missingRow(photo: PhotoRef): MissingRow {
  return { kind: 'missing', photo, ...text('delivery.match.missing.no_file', { photo: photo.name }) };
}

const kindOrder = { matched: 0, ambiguous: 1, missing: 2, extra: 3 } as const;

function rowSortKey(row: DeliveryRow): { position: number; path: string } {
  switch (row.kind) {
    case 'matched':
      return { position: row.photo.position, path: row.file.path };
    case 'missing':
      return { position: row.photo.position, path: '' };
    case 'ambiguous':
      return { position: row.photos[0]?.position ?? Number.MAX_SAFE_INTEGER, path: row.files[0]?.file.path ?? '' };
    case 'extra':
      return { position: Number.MAX_SAFE_INTEGER, path: row.file.path };
  }
}

function sortRows(rows: DeliveryRow[]): DeliveryRow[] {
  const keyed = rows.map((row) => ({ row, ...rowSortKey(row) }));
  keyed.sort((a, b) => a.position - b.position || compareNames(a.path, b.path) || kindOrder[a.row.kind] - kindOrder[b.row.kind]);
  return keyed.map((k) => k.row);
}

function summarise(rows: readonly DeliveryRow[], ignored: readonly IgnoredFile[]): DeliverySummary {
  const count = { matched: 0, extra: 0, missing: 0, ambiguous: 0 };
  for (const row of rows) count[row.kind]++;
  return { ...count, ignored: ignored.length };
}

/** Matches dropped files to the ordered photos by name; see the header for the rules. */
export function matchDelivery(input: MatchDeliveryInput): DeliveryMatch {
  const { photos, strict, loose, stemsOf } = buildPhotos(input.ordered);
  const ignored: IgnoredFile[] = [];
  const links: Link[] = [];
  const extras: { file: FileRef; stem: string }[] = [];
  const seen = new Set<string>();

  for (const f of input.files) {
    const file = fileRef(f);
    if (seen.has(f.path)) {
      ignored.push({ file, why: 'duplicate', ...text('delivery.match.ignored.duplicate') });
      continue;
    }
    seen.add(f.path);
    const junk = junkReason(f.path, f.size ?? undefined);
    if (junk) {
      ignored.push({ file, why: junk.why, ...text(`delivery.match.ignored.${junk.why}`, { ext: junk.ext }) });
      continue;
    }
    const candidates = stemCandidates(fileStem(f.path));
    const strictHit = findStem(candidates, strict, strictKey);
    const hit = strictHit ?? findStem(candidates, loose, looseKey);
    if (!hit) {
      extras.push({ file, stem: shortestSafe(candidates) });
      continue;
    }
    const tier = strictHit ? 'strict' : 'loose';
    const narrowed = hit.photos.length > 1 ? byFolder(f.path, hit.photos, photos) : null;
    links.push({
      file,
      photos: narrowed ? [narrowed.photo] : hit.photos,
      suffix: hit.suffix,
      tier,
      byFolder: narrowed ? narrowed.folder : null,
    });
  }

  // Groups: files joined by the photos they could be.
  const groups = groupByShared(links, (l) => l.photos);

  const rows: DeliveryRow[] = [];
  const linked = new Set<number>();
  for (const group of groups) {
    const photoIndexes = [...new Set(group.flatMap((l) => l.photos))];
    for (const i of photoIndexes) linked.add(i);
    const only = group[0];
    const photo = photos[photoIndexes[0] as number];
    if (group.length === 1 && photoIndexes.length === 1 && only && photo) {
      const via: MatchVia = only.byFolder !== null ? 'folder' : only.tier === 'loose' ? 'loose' : only.suffix ? 'edited' : 'exact';
      rows.push(matchedRow(photo.ref, only.file, via, only.suffix, only.byFolder ?? ''));
      continue;
    }
    const refs = photoIndexes.map((i) => photos[i]?.ref).filter((r): r is PhotoRef => r !== undefined);
    const files = group.map((l) => ({
      file: l.file,
      candidates: [...l.photos].sort((a, b) => a - b).map((i) => photos[i]?.ref.photoId ?? ''),
      suffix: l.suffix,
      tier: l.tier,
    }));
    rows.push(ambiguousRow(refs, files));
  }
  photos.forEach((p, i) => {
    if (!linked.has(i)) rows.push(missingRow(p.ref));
  });

  if (extras.length > 0) {
    const near = new NearStemIndex<number>();
    stemsOf.forEach((stems, i) => {
      for (const s of stems) near.add(strictKey(s), i);
    });
    for (const { file, stem } of extras) {
      const found = near.nearest(strictKey(stem));
      const photo = found ? photos[found.entry.value] : undefined;
      const hint: NearHint | null =
        found && photo ? { photoId: photo.ref.photoId, name: photo.ref.name, stem: photo.ref.stem, distance: found.distance } : null;
      const t = hint ? text('delivery.match.extra.near', { stem, hint: hint.name }) : text('delivery.match.extra.no_match', { stem });
      rows.push({ kind: 'extra', file, stem, hint, ...t });
    }
  }

  ignored.sort((a, b) => compareNames(a.file.path, b.file.path));
  const sorted = sortRows(rows);
  return { rows: sorted, ignored, summary: summarise(sorted, ignored) };
}

/**
 * Applies the user's answers to ambiguous rows: a file given a photo (one of its candidates)
 * becomes a matched row (via 'chosen'), a file given null an extra row ("not chosen"). A file
 * left without an answer stays ambiguous, with the photos it could still be; a photo no file
 * can be any more becomes missing unless a file was chosen for it. Choices naming a file that is
 * not in an ambiguous row, or a photo that file could not be, are ignored; the last choice for a
 * file wins. Several files may be chosen for one photo (a colour and a black-and-white version).
 */
export function resolveAmbiguity(result: DeliveryMatch, choices: readonly AmbiguityChoice[]): DeliveryMatch {
  const answer = new Map<string, string | null>();
  for (const c of choices) answer.set(c.path, c.photoId);
  const rows: DeliveryRow[] = [];
  const dropped: PhotoRef[] = [];
  for (const row of result.rows) {
    if (row.kind !== 'ambiguous') {
      rows.push(row);
      continue;
    }
    const photoById = new Map(row.photos.map((p) => [p.photoId, p]));
    const left: AmbiguousFile[] = [];
    for (const f of row.files) {
      const a = answer.get(f.file.path);
      const photo = a === null ? null : a !== undefined && f.candidates.includes(a) ? photoById.get(a) : undefined;
      if (photo === undefined) {
        left.push(f);
      } else if (photo === null) {
        rows.push({ kind: 'extra', file: f.file, stem: editStemOfFile(f), hint: null, ...text('delivery.match.extra.not_chosen') });
      } else {
        rows.push(matchedRow(photo, f.file, 'chosen', f.suffix));
      }
    }
    if (left.length === row.files.length) {
      rows.push(row);
      continue;
    }
    const stillPossible = new Set(left.flatMap((f) => f.candidates));
    for (const p of row.photos) if (!stillPossible.has(p.photoId)) dropped.push(p);
    // What is left stays for the user to answer, even a lone file for a lone photo: another file
    // was chosen over it, or it was one of several candidates.
    for (const part of groupByShared(left, (f) => f.candidates)) {
      const ids = new Set(part.flatMap((f) => f.candidates));
      rows.push(
        ambiguousRow(
          row.photos.filter((p) => ids.has(p.photoId)),
          part.map((f) => ({ ...f })),
        ),
      );
    }
  }
  // A photo no file can be any more is missing, unless a file was chosen for it (now or before).
  const matchedIds = new Set(rows.flatMap((r) => (r.kind === 'matched' ? [r.photo.photoId] : [])));
  for (const p of dropped) if (!matchedIds.has(p.photoId)) rows.push(missingRow(p));
  const sorted = sortRows(rows);
  return { rows: sorted, ignored: result.ignored, summary: summarise(sorted, result.ignored) };
}

function editStemOfFile(f: AmbiguousFile): string {
  const stem = fileStem(f.file.path);
  return f.suffix ? stem.slice(0, stem.length - f.suffix.length) : stem;
}

/** The matched pairs, photoId ← file path, in row order: what the upload step needs. */
export function matchedPairs(result: DeliveryMatch): { photoId: string; path: string }[] {
  return result.rows.filter((r): r is MatchedRow => r.kind === 'matched').map((r) => ({ photoId: r.photo.photoId, path: r.file.path }));
}

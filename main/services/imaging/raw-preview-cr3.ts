// Previews in Canon CR3 (ISO-BMFF): THMB (160 px) in the Canon uuid box inside moov, PRVW
// (~1620 px) in its own uuid box, and the full-size JPEG that is the first sample of a track
// in mdat. Orientation comes from CMT1, a TIFF IFD0 kept in a box.
import { type Box, findBox, readBoxes } from './bmff-boxes';
import type { ByteSource } from './byte-source';
import { type Found, jpegCandidate, normaliseOrientation } from './preview-candidate';
import { Tag, TiffReader } from './tiff-ifd';

export const CANON_UUID = '85c0b687820f11e08111f4ce462b6a48';
export const PREVIEW_UUID = 'eaf42b5e1c984b88b9fbb7dc406e4d16';
const MAX_TRACKS = 16;

export async function findCr3Previews(src: ByteSource): Promise<{ candidates: Found[]; orientation: number }> {
  const top = await readBoxes(src, 0, src.size);
  const candidates: Found[] = [];
  let orientation = 1;
  const moov = top.find((b) => b.type === 'moov');
  const moovChildren = moov ? await readBoxes(src, moov.payload, moov.end) : [];
  const canon = moovChildren.find((b) => b.type === 'uuid' && b.uuid === CANON_UUID);
  if (canon) {
    const inner = await readBoxes(src, canon.payload, canon.end);
    const thmb = inner.find((b) => b.type === 'THMB');
    if (thmb) candidates.push(await boxedJpeg(src, thmb, 8, 'THMB'));
    const cmt1 = inner.find((b) => b.type === 'CMT1');
    if (cmt1) {
      const tiff = await TiffReader.open(src, cmt1.payload);
      orientation = normaliseOrientation(await tiff.uint(await tiff.readIfd(tiff.firstIfd), Tag.Orientation));
    }
  }
  for (const box of top.filter((b) => b.type === 'uuid' && b.uuid === PREVIEW_UUID)) {
    // 8 bytes of Canon data come before the PRVW box inside this uuid box.
    const prvw = (await readBoxes(src, box.payload + 8, box.end)).find((b) => b.type === 'PRVW');
    if (prvw) candidates.push(await boxedJpeg(src, prvw, 12, 'PRVW'));
  }
  for (const [i, trak] of moovChildren
    .filter((b) => b.type === 'trak')
    .slice(0, MAX_TRACKS)
    .entries()) {
    candidates.push(await firstSampleJpeg(src, trak, `trak#${i}`));
  }
  return { candidates, orientation };
}

/** THMB/PRVW: a small header with the JPEG's byte size at `sizeAt`, then the JPEG. */
async function boxedJpeg(src: ByteSource, box: Box, sizeAt: number, where: string): Promise<Found> {
  const headLength = Math.min(32, box.end - box.payload);
  const head = await src.read(box.payload, headLength);
  const soi = head.indexOf(Buffer.from([0xff, 0xd8, 0xff]));
  if (soi < 0) return null;
  const start = box.payload + soi;
  const declared = sizeAt + 4 <= soi ? head.readUInt32BE(sizeAt) : 0;
  const length = declared > 0 && start + declared <= box.end ? declared : box.end - start;
  return jpegCandidate(src, start, length, where);
}

/** A track whose first sample is a JPEG (CR3 track 1 is the full-size picture). */
async function firstSampleJpeg(src: ByteSource, trak: Box, where: string): Promise<Found> {
  const stbl = await findBox(src, [trak], ['trak', 'mdia', 'minf', 'stbl']);
  if (!stbl) return null;
  const children = await readBoxes(src, stbl.payload, stbl.end);
  const stsz = children.find((b) => b.type === 'stsz');
  const chunks = children.find((b) => b.type === 'co64' || b.type === 'stco');
  if (!stsz || !chunks || stsz.end - stsz.payload < 12 || chunks.end - chunks.payload < 12) return null;
  // stsz: version+flags, a common sample_size (0 = per-sample table follows), sample count, table.
  const sizes = await src.read(stsz.payload, Math.min(16, stsz.end - stsz.payload));
  const size = sizes.readUInt32BE(4) || (sizes.length >= 16 ? sizes.readUInt32BE(12) : 0);
  const table = await src.read(chunks.payload, chunks.type === 'co64' ? 16 : 12);
  if (table.readUInt32BE(4) === 0) return null;
  const offset = chunks.type === 'co64' ? Number(table.readBigUInt64BE(8)) : table.readUInt32BE(8);
  return jpegCandidate(src, offset, size, where);
}

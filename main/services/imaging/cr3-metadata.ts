// CR3 keeps its metadata as small TIFF files inside boxes of the Canon uuid box in moov:
// CMT1 = IFD0, CMT2 = Exif IFD, CMT4 = GPS IFD; XMP sits in its own uuid box. exifr cannot
// open CR3, so we cut those blocks out and hand each one to it.
import { readBoxes } from './bmff-boxes';
import { openFileSource } from './byte-source';
import { CANON_UUID } from './raw-preview-cr3';

const XMP_UUID = 'be7acfcb97a942e89c71999491e3afac';
const MAX_BLOCK = 1024 * 1024;

export interface Cr3Blocks {
  ifd0?: Buffer;
  exif?: Buffer;
  gps?: Buffer;
  xmp?: Buffer;
}

export async function readCr3Blocks(filePath: string): Promise<Cr3Blocks> {
  const src = await openFileSource(filePath);
  try {
    const top = await readBoxes(src, 0, src.size);
    const out: Cr3Blocks = {};
    const take = (start: number, end: number) => src.read(start, Math.min(end - start, MAX_BLOCK));
    const moov = top.find((b) => b.type === 'moov');
    const canon = moov ? (await readBoxes(src, moov.payload, moov.end)).find((b) => b.uuid === CANON_UUID) : undefined;
    for (const box of canon ? await readBoxes(src, canon.payload, canon.end) : []) {
      if (box.type === 'CMT1') out.ifd0 = await take(box.payload, box.end);
      if (box.type === 'CMT2') out.exif = await take(box.payload, box.end);
      if (box.type === 'CMT4') out.gps = await take(box.payload, box.end);
    }
    const xmp = top.find((b) => b.uuid === XMP_UUID);
    if (xmp) out.xmp = await take(xmp.payload, xmp.end);
    return out;
  } finally {
    await src.close();
  }
}

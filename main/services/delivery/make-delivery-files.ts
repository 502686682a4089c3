// The files a client gets for one ordered photo, from the editor's export (design §3):
// 'full' keeps the pixel size — the export itself when it already is an upright sRGB JPEG,
// otherwise an sRGB JPEG at quality 95 — and 'web' is the long edge 2048 as an sRGB JPEG at 85.
// The export is decoded once; both sets are made from that one decode. A damaged export fails
// with a sentence; nothing half-made is kept (files are content-addressed, written atomically).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { DeliverySet } from '../../../shared/schemas/delivery-api';
import { describeDecodeError } from '../imaging/decode-errors';
import { DEFAULT_LIMIT_INPUT_PIXELS } from '../imaging/make-variants';
import { storeVariant } from '../imaging/variant-cache';

export const WEB_LONG_EDGE = 2048;

export interface MadeFile {
  set: DeliverySet;
  /** The file to upload. */
  file: string;
  /** The file name's extension the client gets ('.jpg', or the export's own for a full-size JPEG). */
  extension: string;
  sha256: string;
  size: number;
  width: number;
  height: number;
}

async function sha256Of(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** An ICC profile that names itself sRGB (ASCII in v2 'desc', UTF-16 in v4 'mluc'), or none at all. */
function isSrgb(icc: Buffer | undefined): boolean {
  if (!icc) return true;
  return icc.includes('sRGB', 0, 'latin1') || icc.includes(Buffer.from('sRGB', 'utf16le').swap16());
}

export async function makeDeliveryFiles(source: string, sets: readonly DeliverySet[], storeDir: string): Promise<MadeFile[]> {
  const options = { failOn: 'warning' as const, limitInputPixels: DEFAULT_LIMIT_INPUT_PIXELS };
  const made: MadeFile[] = [];
  try {
    const meta = await sharp(source, options).metadata();
    const asIs = meta.format === 'jpeg' && (meta.orientation ?? 1) === 1 && isSrgb(meta.icc);
    const wantsFull = sets.includes('full');
    if (wantsFull && asIs) {
      made.push({
        set: 'full',
        file: source,
        extension: path.extname(source).toLowerCase() || '.jpg',
        ...(await sha256Of(source)),
        width: meta.width ?? 0,
        height: meta.height ?? 0,
      });
    }
    const encodeFull = wantsFull && !asIs;
    if (!encodeFull && !sets.includes('web')) return made;
    // Transparency becomes white (a JPEG has none), CMYK and wide-gamut exports become sRGB.
    const { data, info } = await sharp(source, { ...options, autoOrient: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;
    const encode = async (set: DeliverySet, pipeline: Sharp) => {
      const out = await pipeline
        .withIccProfile('srgb')
        .jpeg({ quality: set === 'full' ? 95 : 85, chromaSubsampling: set === 'full' ? '4:4:4' : '4:2:0' })
        .toBuffer({ resolveWithObject: true });
      const stored = await storeVariant(storeDir, out.data);
      made.push({
        set,
        file: path.join(storeDir, ...stored.relPath.split('/')),
        extension: '.jpg',
        sha256: stored.hash,
        size: stored.bytes,
        width: out.info.width,
        height: out.info.height,
      });
    };
    if (encodeFull) await encode('full', sharp(data, raw));
    if (sets.includes('web'))
      await encode('web', sharp(data, raw).resize(WEB_LONG_EDGE, WEB_LONG_EDGE, { fit: 'inside', withoutEnlargement: true }));
    return made.sort((a, b) => a.set.localeCompare(b.set));
  } catch (error) {
    // A disk problem (ENOSPC, EACCES…) is not a damaged picture: say what it is.
    if (typeof (error as NodeJS.ErrnoException).code === 'string') throw error;
    throw describeDecodeError(error, DEFAULT_LIMIT_INPUT_PIXELS);
  }
}

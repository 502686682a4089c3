// Identify a photo by its first bytes, never by its name: cards and downloads are full of
// JPEGs called .NEF and text files called .CR2.
import { type ByteSource, openFileSource } from './byte-source';
import type { ImageFormat } from './formats';
import { imagingErrors } from './imaging-errors';
import { classifyTiff } from './tiff-classify';

const HEADER_BYTES = 64;
const HEVC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'mif2']);

export async function detectFormat(filePath: string): Promise<ImageFormat> {
  return withDetectedSource(filePath, async (_src, format) => format);
}

/** Opens a file, detects its format by content, runs `use`, and always closes the file;
 * every failure (missing, empty, not an image, cut short) comes out in plain words. */
export async function withDetectedSource<T>(filePath: string, use: (src: ByteSource, format: ImageFormat) => Promise<T>): Promise<T> {
  let src: ByteSource;
  try {
    src = await openFileSource(filePath);
  } catch (error) {
    throw imagingErrors.fromFs(error, filePath);
  }
  try {
    if (src.size === 0) throw imagingErrors.empty();
    const format = await detectFromSource(src);
    if (!format) throw imagingErrors.notImage(filePath);
    return await use(src, format);
  } catch (error) {
    throw imagingErrors.fromParse(error, filePath);
  } finally {
    await src.close();
  }
}

/** The format of the bytes in `src`, or null when they are no image we know. */
export async function detectFromSource(src: ByteSource): Promise<ImageFormat | null> {
  const head = await src.read(0, Math.min(HEADER_BYTES, src.size));
  const ascii = head.toString('latin1');
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii.startsWith('\x89PNG\r\n\x1a\n')) return 'png';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'webp';
  if (ascii.startsWith('FUJIFILMCCD-RAW')) return 'raf';
  if (ascii.slice(4, 8) === 'ftyp') return fromBrands(head);
  if (ascii.startsWith('IIRO') || ascii.startsWith('IIRS') || ascii.startsWith('MMOR')) return 'orf';
  if (ascii.startsWith('IIU\0')) return 'rw2';
  if (ascii.startsWith('II*\0') || ascii.startsWith('MM\0*')) return classifyTiff(src);
  return null;
}

/** ISO-BMFF: the major brand, then the compatible brands, say what the box file holds. */
function fromBrands(head: Buffer): ImageFormat | null {
  const boxSize = head.readUInt32BE(0);
  const end = Math.min(head.length, Math.max(boxSize, 16));
  const major = head.toString('latin1', 8, 12);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= end; at += 4) compatible.push(head.toString('latin1', at, at + 4));
  if (major === 'crx ') return 'cr3';
  if (AVIF_BRANDS.has(major)) return 'avif';
  if (HEVC_BRANDS.has(major)) return 'heic';
  if (!HEIF_BRANDS.has(major)) return null;
  if (compatible.some((b) => AVIF_BRANDS.has(b))) return 'avif';
  if (compatible.some((b) => HEVC_BRANDS.has(b))) return 'heic';
  return 'heif';
}

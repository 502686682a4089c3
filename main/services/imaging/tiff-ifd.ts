// Minimal TIFF directory reader: enough of TIFF 6 to find embedded previews and a few tags in
// camera RAW files (NEF, CR2, ARW, PEF, DNG, and the ORF/RW2 variants with their own magic).
// Offsets inside a TIFF are relative to its header, which is not always byte 0 of the file
// (CR3 keeps TIFF blocks inside boxes, JPEGs keep one inside APP1), hence `base`.
import { type ByteSource, StructureError } from './byte-source';

export const Tag = {
  NewSubfileType: 0x00fe,
  Compression: 0x0103,
  Photometric: 0x0106,
  Make: 0x010f,
  Model: 0x0110,
  StripOffsets: 0x0111,
  Orientation: 0x0112,
  StripByteCounts: 0x0117,
  SubIFDs: 0x014a,
  JpegOffset: 0x0201,
  JpegLength: 0x0202,
  Rw2JpgFromRaw: 0x002e,
  DngVersion: 0xc612,
} as const;

/** Byte sizes of the TIFF field types we may meet (BigTIFF's 8-byte types are not used by RAWs). */
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
const MAX_ENTRIES = 1000;

export interface IfdEntry {
  tag: number;
  type: number;
  count: number;
  /** Absolute offset of the value bytes in the source. */
  valueAt: number;
}

export interface Ifd {
  offset: number;
  entries: Map<number, IfdEntry>;
  /** Absolute offset of the next IFD in the chain, or 0. */
  next: number;
}

export class TiffReader {
  private constructor(
    readonly src: ByteSource,
    readonly base: number,
    readonly little: boolean,
    /** The 16-bit number after the byte-order mark: 42 for TIFF, others for ORF/RW2. */
    readonly magic: number,
    readonly firstIfd: number,
  ) {}

  static async open(src: ByteSource, base = 0): Promise<TiffReader> {
    const head = await src.read(base, 8);
    const order = head.toString('latin1', 0, 2);
    if (order !== 'II' && order !== 'MM') throw new StructureError('no TIFF byte-order mark');
    const little = order === 'II';
    const magic = little ? head.readUInt16LE(2) : head.readUInt16BE(2);
    const first = little ? head.readUInt32LE(4) : head.readUInt32BE(4);
    return new TiffReader(src, base, little, magic, base + first);
  }

  async readIfd(offset: number): Promise<Ifd> {
    const countBuf = await this.src.read(offset, 2);
    const count = this.little ? countBuf.readUInt16LE(0) : countBuf.readUInt16BE(0);
    if (count === 0 || count > MAX_ENTRIES) throw new StructureError(`implausible IFD with ${count} entries at ${offset}`);
    const body = await this.src.read(offset + 2, count * 12 + 4);
    const entries = new Map<number, IfdEntry>();
    for (let i = 0; i < count; i++) {
      const at = i * 12;
      const tag = this.u16(body, at);
      const type = this.u16(body, at + 2);
      const n = this.u32(body, at + 4);
      const size = (TYPE_SIZE[type] ?? 0) * n;
      if (size === 0) continue; // unknown type: skip the entry, as readers are told to
      const valueAt = size <= 4 ? offset + 2 + at + 8 : this.base + this.u32(body, at + 8);
      entries.set(tag, { tag, type, count: n, valueAt });
    }
    const next = this.u32(body, count * 12);
    return { offset, entries, next: next === 0 ? 0 : this.base + next };
  }

  /** Unsigned integer values of a BYTE/SHORT/LONG/IFD entry (empty if absent or another type). */
  async uints(ifd: Ifd, tag: number, max = 64): Promise<number[]> {
    const e = ifd.entries.get(tag);
    if (!e || ![1, 3, 4, 13].includes(e.type)) return [];
    const n = Math.min(e.count, max);
    const width = TYPE_SIZE[e.type] ?? 1;
    const buf = await this.src.read(e.valueAt, n * width);
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(width === 1 ? (buf[i] ?? 0) : width === 2 ? this.u16(buf, i * 2) : this.u32(buf, i * 4));
    return out;
  }

  async uint(ifd: Ifd, tag: number): Promise<number | undefined> {
    return (await this.uints(ifd, tag, 1))[0];
  }

  async ascii(ifd: Ifd, tag: number): Promise<string | undefined> {
    const e = ifd.entries.get(tag);
    if (e?.type !== 2) return undefined;
    const buf = await this.src.read(e.valueAt, Math.min(e.count, 4096));
    const text = buf.toString('latin1').replace(/\0.*$/s, '').trim();
    return text || undefined;
  }

  private u16(buf: Buffer, at: number): number {
    return this.little ? buf.readUInt16LE(at) : buf.readUInt16BE(at);
  }

  private u32(buf: Buffer, at: number): number {
    return this.little ? buf.readUInt32LE(at) : buf.readUInt32BE(at);
  }
}

/**
 * Every IFD reachable from IFD0: the IFD chain (PEF/ORF keep previews in IFD1/IFD2) and
 * SubIFDs (NEF, DNG, ARW keep previews and raw data there), with loop and size guards
 * because a damaged file can point anywhere, including back at itself.
 */
export async function walkIfds(reader: TiffReader, maxIfds = 64): Promise<Ifd[]> {
  const seen = new Set<number>();
  const out: Ifd[] = [];
  const visit = async (offset: number, depth: number): Promise<void> => {
    let at = offset;
    while (at !== 0 && !seen.has(at) && out.length < maxIfds) {
      seen.add(at);
      const ifd = await reader.readIfd(at);
      out.push(ifd);
      if (depth < 3) {
        for (const sub of await reader.uints(ifd, Tag.SubIFDs, 16)) await visit(reader.base + sub, depth + 1);
      }
      // SubIFDs of a SubIFD are single directories; only the top level is a chain.
      at = depth === 0 ? ifd.next : 0;
    }
  };
  await visit(reader.firstIfd, 0);
  return out;
}

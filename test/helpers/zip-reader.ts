// A small zip reader for tests, written from the format (APPNOTE 6.3): the end of central
// directory record (and its zip64 twin), the central directory, and each entry's data found
// through its local header, so a test can check a served zip without trusting the writer's own
// reader. Reads from a file on disk in pieces: a multi-gigabyte zip never has to fit in memory.
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';

export interface ZipEntryInfo {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** General purpose flag bit 11: the name is UTF-8. */
  utf8: boolean;
  zip64: boolean;
}

export interface ZipDirectory {
  entries: ZipEntryInfo[];
  zip64: boolean;
}

async function readAt(file: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

const u64 = (b: Buffer, at: number) => Number(b.readBigUInt64LE(at));

export async function readZipDirectory(path: string): Promise<ZipDirectory> {
  const file = await fs.open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const tailLength = Math.min(size, 22 + 0xffff + 20);
    const tail = await readAt(file, size - tailLength, tailLength);
    const eocdAt = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocdAt < 0) throw new Error('no end of central directory record');
    let count = tail.readUInt16LE(eocdAt + 10);
    let cdSize = tail.readUInt32LE(eocdAt + 12);
    let cdOffset = tail.readUInt32LE(eocdAt + 16);
    let zip64 = false;
    const locatorAt = eocdAt - 20;
    if (locatorAt >= 0 && tail.readUInt32LE(locatorAt) === 0x07064b50) {
      zip64 = true;
      const record = await readAt(file, u64(tail, locatorAt + 8), 56);
      if (record.readUInt32LE(0) !== 0x06064b50) throw new Error('bad zip64 end of central directory record');
      count = u64(record, 32);
      cdSize = u64(record, 40);
      cdOffset = u64(record, 48);
    }
    const cd = await readAt(file, cdOffset, cdSize);
    const entries: ZipEntryInfo[] = [];
    let at = 0;
    for (let i = 0; i < count; i += 1) {
      if (cd.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory record ${i}`);
      const flags = cd.readUInt16LE(at + 8);
      const nameLength = cd.readUInt16LE(at + 28);
      const extraLength = cd.readUInt16LE(at + 30);
      const commentLength = cd.readUInt16LE(at + 32);
      const entry: ZipEntryInfo = {
        name: cd.subarray(at + 46, at + 46 + nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1'),
        method: cd.readUInt16LE(at + 10),
        crc32: cd.readUInt32LE(at + 16),
        compressedSize: cd.readUInt32LE(at + 20),
        uncompressedSize: cd.readUInt32LE(at + 24),
        localHeaderOffset: cd.readUInt32LE(at + 42),
        utf8: (flags & 0x800) !== 0,
        zip64: false,
      };
      // Zip64 extra field: the 64-bit values, in this order, for those whose 32-bit field is all ones.
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const tag = cd.readUInt16LE(extra);
        const length = cd.readUInt16LE(extra + 2);
        if (tag === 0x0001) {
          entry.zip64 = true;
          let field = extra + 4;
          if (entry.uncompressedSize === 0xffffffff) {
            entry.uncompressedSize = u64(cd, field);
            field += 8;
          }
          if (entry.compressedSize === 0xffffffff) {
            entry.compressedSize = u64(cd, field);
            field += 8;
          }
          if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = u64(cd, field);
        }
        extra += 4 + length;
      }
      entries.push(entry);
      at = extraEnd + commentLength;
    }
    return { entries, zip64 };
  } finally {
    await file.close();
  }
}

/** The entry's bytes (inflated when deflated): their sha256, and whether their CRC-32 is the recorded one. */
export async function zipEntryDigest(path: string, entry: ZipEntryInfo): Promise<{ sha256: string; size: number; crcOk: boolean }> {
  const file = await fs.open(path, 'r');
  let dataStart: number;
  try {
    const header = await readAt(file, entry.localHeaderOffset, 30);
    if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`bad local header for ${entry.name}`);
    dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await file.close();
  }
  const hash = createHash('sha256');
  let crc = 0;
  let size = 0;
  const source = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1, highWaterMark: 1024 * 1024 });
  const sink = async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      hash.update(chunk);
      crc = crc32(chunk, crc);
      size += chunk.length;
    }
  };
  if (entry.compressedSize === 0) source.destroy();
  else if (entry.method === 8) await pipeline(source, createInflateRaw(), sink);
  else if (entry.method === 0) await pipeline(source, sink);
  else throw new Error(`compression method ${entry.method} of ${entry.name} is not read here`);
  return { sha256: hash.digest('hex'), size, crcOk: crc >>> 0 === entry.crc32 };
}

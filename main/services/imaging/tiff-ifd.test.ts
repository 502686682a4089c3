import { describe, expect, test } from 'vitest';
import { bufferSource, StructureError } from './byte-source';
import { Tag, TiffReader, walkIfds } from './tiff-ifd';

/** Little-endian TIFF with IFDs at the given offsets, each holding one SHORT Orientation = index+1. */
function chain(links: Array<{ at: number; next: number }>, size = 256): Buffer {
  const b = Buffer.alloc(size);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(links[0]?.at ?? 0, 4);
  links.forEach(({ at, next }, i) => {
    b.writeUInt16LE(1, at);
    b.writeUInt16LE(Tag.Orientation, at + 2);
    b.writeUInt16LE(3, at + 4);
    b.writeUInt32LE(1, at + 6);
    b.writeUInt16LE(i + 1, at + 10);
    b.writeUInt32LE(next, at + 14);
  });
  return b;
}

describe('TiffReader / walkIfds', () => {
  test('follows the IFD chain and reads inline SHORT values', async () => {
    const reader = await TiffReader.open(
      bufferSource(
        chain([
          { at: 8, next: 40 },
          { at: 40, next: 0 },
        ]),
      ),
    );
    const ifds = await walkIfds(reader);
    expect(ifds.map((i) => i.offset)).toEqual([8, 40]);
    expect(await Promise.all(ifds.map((i) => reader.uint(i, Tag.Orientation)))).toEqual([1, 2]);
  });

  test('an IFD chain that loops back on itself ends instead of hanging', async () => {
    const reader = await TiffReader.open(
      bufferSource(
        chain([
          { at: 8, next: 40 },
          { at: 40, next: 8 },
        ]),
      ),
    );
    expect((await walkIfds(reader)).map((i) => i.offset)).toEqual([8, 40]);
  });

  test('an IFD claiming thousands of entries is a damaged file', async () => {
    const bytes = chain([{ at: 8, next: 0 }]);
    bytes.writeUInt16LE(5000, 8);
    const reader = await TiffReader.open(bufferSource(bytes));
    await expect(reader.readIfd(8)).rejects.toBeInstanceOf(StructureError);
  });

  test('reads big-endian files and ASCII values stored out of line', async () => {
    const b = Buffer.alloc(64);
    b.write('MM', 0, 'latin1');
    b.writeUInt16BE(42, 2);
    b.writeUInt32BE(8, 4);
    b.writeUInt16BE(1, 8);
    b.writeUInt16BE(Tag.Make, 10);
    b.writeUInt16BE(2, 12);
    b.writeUInt32BE(7, 14);
    b.writeUInt32BE(40, 18);
    b.write('PENTAX\0', 40, 'latin1');
    const reader = await TiffReader.open(bufferSource(b));
    expect(await reader.ascii(await reader.readIfd(reader.firstIfd), Tag.Make)).toBe('PENTAX');
  });

  test('bytes without a byte-order mark are not TIFF', async () => {
    await expect(TiffReader.open(bufferSource(Buffer.from('GIF89a\0\0\0\0')))).rejects.toBeInstanceOf(StructureError);
  });
});

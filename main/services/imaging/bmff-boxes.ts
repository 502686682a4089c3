// ISO base media file format (the box structure of CR3, HEIF and MP4): list the boxes in a
// byte range. Sizes come from the file, so every box is checked against its parent's end.
import { type ByteSource, OutOfRangeError, StructureError } from './byte-source';

export interface Box {
  type: string;
  start: number;
  /** First byte after the header (and after the 16-byte id of a 'uuid' box). */
  payload: number;
  end: number;
  /** Lower-case hex id of a 'uuid' box, without dashes. */
  uuid?: string;
}

const MAX_BOXES = 4096;

export async function readBoxes(src: ByteSource, start: number, end: number): Promise<Box[]> {
  const boxes: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    if (boxes.length >= MAX_BOXES) throw new StructureError(`more than ${MAX_BOXES} boxes`);
    const head = await src.read(at, 8);
    const type = head.toString('latin1', 4, 8);
    let size = head.readUInt32BE(0);
    let header = 8;
    if (size === 1) {
      const large = (await src.read(at + 8, 8)).readBigUInt64BE(0);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) throw new StructureError(`box ${type} too large`);
      size = Number(large);
      header = 16;
    } else if (size === 0) {
      size = end - at; // "to the end of the enclosing container"
    }
    if (size < header) throw new StructureError(`box ${type} at ${at} is smaller than its header`);
    // A box running past the end of the file means the file is cut short; past its parent, damaged.
    if (at + size > src.size) throw new OutOfRangeError(at, size, src.size);
    if (at + size > end) throw new StructureError(`box ${type} at ${at} overruns its container`);
    const box: Box = { type, start: at, payload: at + header, end: at + size };
    if (type === 'uuid') {
      if (size < header + 16) throw new StructureError(`uuid box at ${at} too small`);
      box.uuid = (await src.read(at + header, 16)).toString('hex');
      box.payload += 16;
    }
    boxes.push(box);
    at += size;
  }
  return boxes;
}

/** Follow a path of box types from a list of boxes (first match at each level). */
export async function findBox(src: ByteSource, boxes: Box[], path: string[]): Promise<Box | undefined> {
  let level = boxes;
  let found: Box | undefined;
  for (const [i, type] of path.entries()) {
    found = level.find((b) => b.type === type);
    if (!found) return undefined;
    if (i < path.length - 1) level = await readBoxes(src, found.payload, found.end);
  }
  return found;
}

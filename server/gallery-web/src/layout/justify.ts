// Justified rows (as photo sites lay out galleries): every photo keeps its aspect ratio, each
// row fills the width exactly, and rows stay near a target height. Widths and heights come
// from the API, so the whole layout is known before a single image has loaded: no jumps.

export interface Sized {
  width: number;
  height: number;
}

export interface Box {
  index: number;
  width: number;
  height: number;
}

export interface Row {
  height: number;
  boxes: Box[];
}

export interface JustifyOptions {
  containerWidth: number;
  targetHeight: number;
  gap: number;
  /** A lone panorama would make a sliver of a row; a lone portrait a wall. Clamp both. */
  maxHeight?: number;
}

/** Greedy: close each row at the break whose height is nearest the target. */
export function justify(items: readonly Sized[], options: JustifyOptions): Row[] {
  const { containerWidth, targetHeight, gap } = options;
  const maxHeight = options.maxHeight ?? targetHeight * 1.6;
  if (containerWidth <= 0) return [];
  const rows: Row[] = [];
  let start = 0;
  while (start < items.length) {
    let aspectSum = 0;
    let best: { end: number; height: number } | null = null;
    for (let end = start; end < items.length; end++) {
      const item = items[end];
      if (!item) break;
      aspectSum += item.width / item.height;
      const height = (containerWidth - gap * (end - start)) / aspectSum;
      if (best === null || Math.abs(height - targetHeight) < Math.abs(best.height - targetHeight)) best = { end, height };
      if (height < targetHeight) break;
    }
    if (best === null) break;
    const isLast = best.end === items.length - 1;
    // The last row is not stretched to the full width when that would make it too tall.
    const height = isLast ? Math.min(best.height, targetHeight) : Math.min(best.height, maxHeight);
    rows.push({ height, boxes: boxesOf(items, start, best.end, height, containerWidth, gap, isLast) });
    start = best.end + 1;
  }
  return rows;
}

function boxesOf(items: readonly Sized[], start: number, end: number, height: number, width: number, gap: number, isLast: boolean): Box[] {
  const boxes: Box[] = [];
  for (let i = start; i <= end; i++) {
    const item = items[i];
    if (item) boxes.push({ index: i, width: (item.width / item.height) * height, height });
  }
  // Rounding leaves a pixel or two: give them to the last box so the row ends flush.
  const used = boxes.reduce((sum, b) => sum + b.width, 0) + gap * (boxes.length - 1);
  const last = boxes[boxes.length - 1];
  if (last && !isLast && Math.abs(width - used) < 4) last.width += width - used;
  return boxes;
}

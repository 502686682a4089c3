// The grid query, shared by the main-thread repository and the reader worker so the two
// can never drift apart. Columns are aliased to their final names; toGridItem only nests.
import { AppError } from '../../../shared/errors';
import type { ColorLabel, Page, PhotoGridItem, PhotoStatus, PickState } from './types';

export const MAX_PAGE = 1000;

export const LIST_PHOTOS_SQL = /* sql */ `
  SELECT p.id, p.folder, p.stem, p.status, p.attention_reason AS attentionReason, p.capture_time AS captureTime,
         coalesce(f.rating, 0) AS rating, coalesce(f.pick, 'none') AS pick, f.color_label AS colorLabel,
         v.rel_path AS thumbPath, v.width AS thumbWidth, v.height AS thumbHeight, v.content_hash AS thumbHash
  FROM photos p
  LEFT JOIN photo_flags f ON f.photo_id = p.id
  LEFT JOIN variants v ON v.photo_id = p.id AND v.kind = 'thumb'
  WHERE p.shoot_id = @shootId
  -- Undated photos sort after dated ones; stem and id make the order total, so pages never overlap.
  ORDER BY p.capture_time IS NULL, p.capture_time, p.stem, p.id
  LIMIT @limit OFFSET @offset`;

export interface ListPhotosParams {
  shootId: string;
  offset: number;
  limit: number;
}

export interface GridRow {
  id: string;
  folder: string;
  stem: string;
  status: PhotoStatus;
  attentionReason: string | null;
  captureTime: string | null;
  rating: number;
  pick: PickState;
  colorLabel: ColorLabel | null;
  thumbPath: string | null;
  thumbWidth: number | null;
  thumbHeight: number | null;
  thumbHash: string | null;
}

export function toGridItem(row: GridRow): PhotoGridItem {
  const { thumbPath, thumbWidth, thumbHeight, thumbHash, ...rest } = row;
  const thumb =
    thumbPath !== null && thumbWidth !== null && thumbHeight !== null && thumbHash !== null
      ? { relPath: thumbPath, width: thumbWidth, height: thumbHeight, contentHash: thumbHash }
      : null;
  return { ...rest, thumb };
}

export function listParams(shootId: string, page: Page): ListPhotosParams {
  const { offset, limit } = page;
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new AppError('invalid_input', `A page of photos needs a whole offset of 0 or more and a limit from 1 to ${MAX_PAGE}.`);
  }
  return { shootId, offset, limit };
}

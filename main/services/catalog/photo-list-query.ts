// The grid query, shared by the main-thread repository and the reader worker so the two
// can never drift apart. Columns are aliased to their final names; toGridItem only nests.
import { AppError } from '../../../shared/errors';
import type { ColorLabel, Page, PhotoGridItem, PhotoStatus, PickState } from './types';

export const MAX_PAGE = 1000;

const GRID_FROM = /* sql */ `
  FROM photos p
  LEFT JOIN photo_flags f ON f.photo_id = p.id
  LEFT JOIN variants v ON v.photo_id = p.id AND v.kind = 'thumb'
  WHERE p.shoot_id = @shootId
    -- Filters are always present and switched off with NULL, so each statement is prepared once.
    AND (@minRating IS NULL OR coalesce(f.rating, 0) >= @minRating)
    AND (@pick IS NULL OR coalesce(f.pick, 'none') = @pick)
    AND (@label IS NULL OR f.color_label = @label)
    AND (@status IS NULL OR p.status = @status)`;

const GRID_COLUMNS = /* sql */ `
  SELECT p.id, p.folder, p.stem, p.status, p.attention_reason AS attentionReason, p.capture_time AS captureTime,
         coalesce(f.rating, 0) AS rating, coalesce(f.pick, 'none') AS pick, f.color_label AS colorLabel,
         v.rel_path AS thumbPath, v.width AS thumbWidth, v.height AS thumbHeight, v.content_hash AS thumbHash`;

/** By capture time: undated photos after dated ones; stem and id make the order total, so pages never overlap. */
export const LIST_PHOTOS_SQL = `${GRID_COLUMNS} ${GRID_FROM}
  ORDER BY p.capture_time IS NULL, p.capture_time, p.stem, p.id
  LIMIT @limit OFFSET @offset`;

export const LIST_PHOTOS_BY_NAME_SQL = `${GRID_COLUMNS} ${GRID_FROM}
  ORDER BY p.stem COLLATE NOCASE, p.folder, p.id
  LIMIT @limit OFFSET @offset`;

export const COUNT_PHOTOS_SQL = `SELECT count(*) AS total ${GRID_FROM}`;

export const photoSorts = ['capture', 'name'] as const;
export type PhotoSort = (typeof photoSorts)[number];

export interface PhotoFilter {
  minRating?: number | null;
  pick?: PickState | null;
  label?: ColorLabel | null;
  status?: PhotoStatus | null;
}

export interface ListPhotosParams {
  shootId: string;
  offset: number;
  limit: number;
  minRating: number | null;
  pick: PickState | null;
  label: ColorLabel | null;
  status: PhotoStatus | null;
}

/** A grid row as SQLite returns it: the grid item with its thumbnail still in flat columns. */
export type GridRow = Omit<PhotoGridItem, 'thumb'> & {
  thumbPath: string | null;
  thumbWidth: number | null;
  thumbHeight: number | null;
  thumbHash: string | null;
};

export function toGridItem(row: GridRow): PhotoGridItem {
  const { thumbPath, thumbWidth, thumbHeight, thumbHash, ...rest } = row;
  const thumb =
    thumbPath !== null && thumbWidth !== null && thumbHeight !== null && thumbHash !== null
      ? { relPath: thumbPath, width: thumbWidth, height: thumbHeight, contentHash: thumbHash }
      : null;
  return { ...rest, thumb };
}

export function listParams(shootId: string, page: Page, filter: PhotoFilter = {}): ListPhotosParams {
  const { offset, limit } = page;
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new AppError('invalid_input', `A page of photos needs a whole offset of 0 or more and a limit from 1 to ${MAX_PAGE}.`);
  }
  return {
    shootId,
    offset,
    limit,
    minRating: filter.minRating ?? null,
    pick: filter.pick ?? null,
    label: filter.label ?? null,
    status: filter.status ?? null,
  };
}

/** The count statement takes the same filters without the page. */
export function countParams(params: ListPhotosParams): Omit<ListPhotosParams, 'offset' | 'limit'> {
  const { offset: _offset, limit: _limit, ...rest } = params;
  return rest;
}

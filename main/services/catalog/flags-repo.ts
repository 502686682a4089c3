// The user's own judgement of a photo: rating, pick/reject, colour label. A photo with any
// flag set is never deleted by Proofdesk (the schema's ON DELETE RESTRICT backs this up).
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { type ColorLabel, colorLabels, type PhotoFlags, type PickState, pickValues } from './types';

interface FlagsRow {
  photo_id: string;
  rating: number;
  pick: PickState;
  color_label: ColorLabel | null;
  updated_at: string;
}

export interface FlagsRepo {
  setRating(photoId: string, rating: number): PhotoFlags;
  setPick(photoId: string, pick: PickState): PhotoFlags;
  setLabel(photoId: string, label: ColorLabel | null): PhotoFlags;
  /** Flags of a photo; an unflagged photo reads as rating 0, no pick, no label. */
  get(photoId: string): PhotoFlags;
  /** Flags another studio laptop gave a gallery photo this computer holds no file of. */
  remote(photoId: string): PhotoFlags;
}

type Change = { rating?: number; pick?: PickState; colorLabel?: ColorLabel | null };

export function createFlagsRepo(db: Database.Database, now: () => Date): FlagsRepo {
  const select = db.prepare<[string], FlagsRow>('SELECT * FROM photo_flags WHERE photo_id = ?');
  const selectRemote = db.prepare<[string], FlagsRow>('SELECT * FROM remote_photo_flags WHERE photo_id = ?');
  const photoExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM photos WHERE id = ?');
  const write = db.prepare(
    `INSERT INTO photo_flags (photo_id, rating, pick, color_label, updated_at) VALUES (@photoId, @rating, @pick, @colorLabel, @now)
     ON CONFLICT (photo_id) DO UPDATE SET rating = excluded.rating, pick = excluded.pick,
       color_label = excluded.color_label, updated_at = excluded.updated_at`,
  );
  // A row holding nothing is removed, so "has flags" always means the user set something.
  const dropEmpty = db.prepare<[string]>(
    "DELETE FROM photo_flags WHERE photo_id = ? AND rating = 0 AND pick = 'none' AND color_label IS NULL",
  );

  const read = (photoId: string, from = select): PhotoFlags => {
    const r = from.get(photoId);
    return r
      ? { photoId, rating: r.rating, pick: r.pick, colorLabel: r.color_label, updatedAt: r.updated_at }
      : { photoId, rating: 0, pick: 'none', colorLabel: null, updatedAt: '' };
  };

  const apply = db.transaction((photoId: string, change: Change): PhotoFlags => {
    if (!photoExists.get(photoId)) throw new AppError('not_found', `Photo ${photoId} is not in this library any more. Refresh the view.`);
    const merged = { ...read(photoId), ...change };
    write.run({ photoId, rating: merged.rating, pick: merged.pick, colorLabel: merged.colorLabel, now: now().toISOString() });
    dropEmpty.run(photoId);
    return read(photoId);
  });

  return {
    setRating(photoId, rating) {
      if (!Number.isInteger(rating) || rating < 0 || rating > 5) {
        throw new AppError('invalid_input', `A rating is a whole number of stars from 0 to 5, not ${rating}.`);
      }
      return apply(photoId, { rating });
    },
    setPick(photoId, pick) {
      if (!pickValues.includes(pick)) throw new AppError('invalid_input', `"${pick}" is not a pick state (${pickValues.join(', ')}).`);
      return apply(photoId, { pick });
    },
    setLabel(photoId, label) {
      if (label !== null && !colorLabels.includes(label)) {
        throw new AppError('invalid_input', `"${label}" is not a colour label (${colorLabels.join(', ')}, or none).`);
      }
      return apply(photoId, { colorLabel: label });
    },
    get: (photoId) => read(photoId),
    remote: (photoId) => read(photoId, selectRemote),
  };
}

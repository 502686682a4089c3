// Row shapes of photos and photo_files, and their mapping to domain objects.
import { AppError } from '../../../shared/errors';
import { type FileRole, fileRoles, type Photo, type PhotoFile, type PhotoStatus } from './types';

export interface PhotoRow {
  id: string;
  shoot_id: string | null;
  folder: string;
  stem: string;
  capture_time: string | null;
  capture_offset: string | null;
  fingerprint: string | null;
  status: PhotoStatus;
  attention_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface FileRow {
  photo_id: string;
  path: string;
  role: FileRole;
  size: number;
  mtime_ms: number;
  fingerprint: string | null;
}

export const toPhoto = (r: PhotoRow): Photo => ({
  id: r.id,
  shootId: r.shoot_id,
  folder: r.folder,
  stem: r.stem,
  captureTime: r.capture_time,
  captureOffset: r.capture_offset,
  fingerprint: r.fingerprint,
  status: r.status,
  attentionReason: r.attention_reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toFile = (r: FileRow): PhotoFile => ({
  path: r.path,
  role: r.role,
  size: r.size,
  mtimeMs: r.mtime_ms,
  fingerprint: r.fingerprint,
});

export function checkFile(f: Pick<PhotoFile, 'path' | 'role' | 'size' | 'mtimeMs'>): void {
  if (!(fileRoles as readonly string[]).includes(f.role)) {
    throw new AppError('invalid_input', `"${f.role}" is not a file role Proofdesk knows (${fileRoles.join(', ')}).`);
  }
  if (!Number.isInteger(f.size) || f.size < 0 || !Number.isFinite(f.mtimeMs)) {
    throw new AppError('invalid_input', `The size or modification time recorded for ${f.path} is not valid. Rescan the folder.`);
  }
}

export function fileParams(photoId: string, f: PhotoFile) {
  checkFile(f);
  return { photoId, path: f.path, role: f.role, size: f.size, mtimeMs: f.mtimeMs, fingerprint: f.fingerprint };
}

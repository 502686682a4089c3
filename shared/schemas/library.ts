// A studio library: one folder holding the catalog and the variant cache.
import { z } from 'zod';

export const LIBRARY_FORMAT_VERSION = 1;
export const LIBRARY_MANIFEST_FILE = 'proofdesk-library.json';

export const libraryManifestSchema = z.object({
  app: z.literal('proofdesk'),
  formatVersion: z.number().int().positive(),
  id: z.string().min(1),
  name: z.string().min(1),
  createdAt: z.string(),
});
export type LibraryManifest = z.infer<typeof libraryManifestSchema>;

export const librarySchema = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  createdAt: z.string(),
});
export type Library = z.infer<typeof librarySchema>;

const absolutePath = z
  .string()
  .trim()
  .min(1, 'Choose a folder')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), {
    message: 'Enter the full path of a folder (for example /Users/anna/Proofdesk or D:\\Proofdesk)',
  });

export const libraryCreateInput = z.object({
  path: absolutePath,
  name: z.string().trim().min(1, 'Give the library a name').max(120, 'Keep the name under 120 characters'),
});
export const libraryOpenInput = z.object({ path: absolutePath });

export const recentLibrarySchema = z.object({
  path: z.string(),
  name: z.string().nullable(),
  available: z.boolean(),
});
export type RecentLibrary = z.infer<typeof recentLibrarySchema>;

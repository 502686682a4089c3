import { z } from 'zod';

export const runtimeKinds = ['electron', 'browser-host'] as const;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  runtime: z.enum(runtimeKinds),
  platform: z.string(),
  nodeVersion: z.string(),
  /** Electron offers a native folder picker; the browser host asks for a typed path instead. */
  canPickFolders: z.boolean(),
  /** Shown in Settings when secrets cannot be kept in an OS keyring (design doc §3). */
  notices: z.array(z.string()),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

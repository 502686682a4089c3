// App preferences (not studio work: that lives in the catalog). The same schema validates
// the IPC input, and, converted to JSON Schema, the electron-store / conf file on disk.
import { z } from 'zod';

export const languages = ['en', 'pl'] as const;
export type Language = (typeof languages)[number];
export const themes = ['system', 'light', 'dark'] as const;

export const prefsSchema = z.object({
  language: z.enum(languages).default('en'),
  theme: z.enum(themes).default('system'),
  /** Hosted API base URL; null means the server this app starts on loopback. */
  serverUrl: z
    .url({ protocol: /^https?$/, message: 'Enter a full http:// or https:// address' })
    .nullable()
    .default(null),
  /**
   * Who this person is in the retouch queue ("Anna"): claims and reviews are made in this name on
   * this computer. Null: the computer's user name (or its host name).
   */
  personName: z.string().trim().min(1, 'Enter your name as colleagues know it, e.g. "Anna"').max(200).nullable().default(null),
  /** Most recent first; the first one is reopened at start. */
  recentLibraries: z.array(z.string()).max(10).default([]),
});
export type Prefs = z.infer<typeof prefsSchema>;

export const prefsPatchSchema = z
  .object({
    language: z.enum(languages),
    theme: z.enum(themes),
    serverUrl: prefsSchema.shape.serverUrl.unwrap(),
    personName: prefsSchema.shape.personName.unwrap(),
  })
  .partial()
  .strict();
export type PrefsPatch = z.infer<typeof prefsPatchSchema>;

export const defaultPrefs: Prefs = prefsSchema.parse({});

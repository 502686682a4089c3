import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPrefs } from '../../../shared/schemas/prefs';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { openNodePrefsStore } from './node-store';
import { createPreferences } from './preferences';
import { prefsJsonSchemaProperties } from './prefs-json-schema';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(() => temp.cleanup());

describe('preferences on conf', () => {
  it('starts from the defaults', () => {
    expect(createPreferences(openNodePrefsStore(temp.dir)).get()).toEqual(defaultPrefs);
  });

  it('persists changes to a JSON file that a second instance reads back', async () => {
    createPreferences(openNodePrefsStore(temp.dir)).set({ language: 'pl', theme: 'dark' });
    expect(createPreferences(openNodePrefsStore(temp.dir)).get()).toMatchObject({ language: 'pl', theme: 'dark' });
    const onDisk = JSON.parse(await fs.readFile(path.join(temp.dir, 'preferences.json'), 'utf8'));
    expect(onDisk.language).toBe('pl');
  });

  it('keeps the recent list unique, newest first, at most 10', () => {
    const prefs = createPreferences(openNodePrefsStore(temp.dir));
    for (let i = 0; i < 12; i++) prefs.rememberLibrary(`/libs/${i}`);
    prefs.rememberLibrary('/libs/5');
    const recent = prefs.get().recentLibraries;
    expect(recent).toHaveLength(10);
    expect(recent[0]).toBe('/libs/5');
    expect(new Set(recent).size).toBe(10);
    prefs.forgetLibrary('/libs/5');
    expect(prefs.get().recentLibraries).not.toContain('/libs/5');
  });

  it('refuses a value the schema forbids and keeps the old one', () => {
    const prefs = createPreferences(openNodePrefsStore(temp.dir));
    expect(() => prefs.set({ language: 'de' as 'en' })).toThrow();
    expect(prefs.get().language).toBe('en');
  });

  it('recovers from a settings file edited into nonsense', async () => {
    await fs.writeFile(path.join(temp.dir, 'preferences.json'), '{"language": 42, "theme": "dark"');
    expect(createPreferences(openNodePrefsStore(temp.dir)).get()).toEqual(defaultPrefs);
  });

  it('derives the on-disk JSON Schema from the zod schema', () => {
    const props = prefsJsonSchemaProperties();
    expect(Object.keys(props).sort()).toEqual(['language', 'personName', 'recentLibraries', 'serverUrl', 'theme']);
    expect(props.language).toMatchObject({ enum: ['en', 'pl'] });
  });

  it('keeps the person’s name for the retouch queue trimmed, and forgets it with null', () => {
    const prefs = createPreferences(openNodePrefsStore(temp.dir));
    expect(prefs.get().personName).toBeNull();
    expect(prefs.set({ personName: '  Anna  ' }).personName).toBe('Anna');
    expect(() => prefs.set({ personName: '   ' })).toThrow(/Enter your name/);
    expect(prefs.get().personName).toBe('Anna');
    expect(prefs.set({ personName: null }).personName).toBeNull();
  });
});

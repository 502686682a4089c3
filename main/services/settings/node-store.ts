// Under plain Node (browser host, tests) preferences live in a conf file with the same
// JSON Schema electron-store uses in the Electron app.
import Conf from 'conf';
import { defaultPrefs } from '../../../shared/schemas/prefs';
import type { PrefsBackingStore } from './preferences';
import { prefsJsonSchemaProperties } from './prefs-json-schema';

export function openNodePrefsStore(configDir: string): PrefsBackingStore {
  return new Conf<Record<string, unknown>>({
    cwd: configDir,
    configName: 'preferences',
    projectName: 'proofdesk',
    schema: prefsJsonSchemaProperties(),
    defaults: { ...defaultPrefs },
    clearInvalidConfig: true,
  });
}

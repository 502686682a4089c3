export { openNodePrefsStore } from './node-store';
export { createPreferences, type PreferencesService, type PrefsBackingStore } from './preferences';
export { prefsJsonSchemaProperties } from './prefs-json-schema';

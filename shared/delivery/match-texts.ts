// Every reason a row of the delivery preview can give: a stable key for translation and an
// English sentence. `{name}` in a sentence is filled from the row's params (the UI does the same
// with its translated sentence).

export const deliveryMatchTexts = {
  'delivery.match.matched.exact': 'Same name as the ordered photo {photo}.',
  'delivery.match.matched.edited': 'Edited or exported copy of {photo} (the name adds “{suffix}”).',
  'delivery.match.matched.loose': 'Matches {photo} once accents, capitals and separators are ignored.',
  'delivery.match.matched.folder': 'Several ordered photos are called {stem}; this is the one from the folder “{folder}”, like the file.',
  'delivery.match.matched.chosen': 'You chose this file for {photo}.',
  'delivery.match.extra.no_match': 'No ordered photo is called {stem}, so this file won’t be sent.',
  'delivery.match.extra.near': 'No ordered photo is called {stem}, so this file won’t be sent. The closest ordered photo is {hint}.',
  'delivery.match.extra.not_chosen': 'You chose not to send this file.',
  'delivery.match.missing.no_file': 'No file was dropped for {photo}.',
  'delivery.match.ambiguous.same_stem':
    '{photoCount} ordered photos are called {stem} (from different cameras or folders). Choose which one this file is.',
  'delivery.match.ambiguous.several_files': '{fileCount} files could be {photo}. Choose the one to send.',
  'delivery.match.ambiguous.mixed':
    '{fileCount} files could be any of {photoCount} ordered photos called {stem}. Choose which photo each file is.',
  'delivery.match.ignored.apple_double': 'A macOS metadata file (its name starts with “._”), not a photo.',
  'delivery.match.ignored.system_file': 'A file the computer keeps for itself, not a photo.',
  'delivery.match.ignored.hidden': 'A hidden file, not a photo.',
  'delivery.match.ignored.incomplete': 'An unfinished download or a temporary file.',
  'delivery.match.ignored.sidecar': 'Editing settings (.{ext}) that go with a photo, not a photo.',
  'delivery.match.ignored.empty': 'The file is empty (0 bytes).',
  'delivery.match.ignored.duplicate': 'The same file was dropped twice.',
} as const;

export type DeliveryTextKey = keyof typeof deliveryMatchTexts;
export type DeliveryTextParams = Readonly<Record<string, string>>;

/** The English sentence for a key, with `{name}` filled from params (an unknown name stays as written). */
export function deliveryText(key: DeliveryTextKey, params: DeliveryTextParams = {}): string {
  return deliveryMatchTexts[key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

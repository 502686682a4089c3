// The programs the user can export the client's selection for, and exactly what to do in each.
// Every text has a translation key; {{name}} placeholders are filled by the UI. How well each
// step is backed by public sources is in `evidence` (details and links in SOURCES.md).
import type { ExportTargetId } from '../../../shared/schemas/export';

export interface Step {
  key: string;
  text: string;
}

export interface ExportTarget {
  id: ExportTargetId;
  labelKey: string;
  label: string;
  summaryKey: string;
  summary: string;
  /** What Proofdesk hands over: text to copy, a file to save, sidecars next to the RAWs, or a folder of copies. */
  output: 'copy-text' | 'save-file' | 'sidecars' | 'copy-folder';
  steps: Step[];
  /**
   * 'documented': the program's or the vendor's own help describes it; 'public-example': shown
   * to work by public files or code, not by the vendor's help; 'unverified': menu names from
   * knowledge of the program, not confirmed by a source we could read. Show "check your
   * program's help if a menu is named differently" for anything but 'documented'.
   */
  evidence: 'documented' | 'public-example' | 'unverified';
}

const s = (key: string, text: string): Step => ({ key: `export.${key}`, text });

export const exportTargets: readonly ExportTarget[] = [
  {
    id: 'lightroom-filter',
    labelKey: 'export.lightroomFilter.label',
    label: 'Lightroom Classic: file name filter',
    summaryKey: 'export.lightroomFilter.summary',
    summary: 'A comma-separated list of file names to paste into the Library Filter.',
    output: 'copy-text',
    evidence: 'public-example',
    steps: [
      s(
        'lightroomFilter.step1',
        'In Lightroom Classic, open the Library module and click All Photographs in the Catalog panel (or the shoot’s folder).',
      ),
      s('lightroomFilter.step2', 'Show the Library Filter bar above the grid: View › Show Filter Bar, or press \\ (backslash).'),
      s('lightroomFilter.step3', 'Click Text, choose Filename in the first menu and Contains in the second.'),
      s(
        'lightroomFilter.step4',
        'Paste the list into the search field. Lightroom shows every photo whose file name contains any of the names.',
      ),
      s(
        'lightroomFilter.step5',
        'To keep them together, select all (Ctrl+A, ⌘A on a Mac) and press B to put them in the Quick Collection, or drag them onto a collection.',
      ),
    ],
  },
  {
    id: 'lightroom-smart-collection',
    labelKey: 'export.lightroomSmart.label',
    label: 'Lightroom Classic: smart collection',
    summaryKey: 'export.lightroomSmart.summary',
    summary: 'A smart collection settings file (.lrsmcol) that matches the whole file names, so IMG_1 does not bring IMG_10 along.',
    output: 'save-file',
    evidence: 'public-example',
    steps: [
      s('lightroomSmart.step1', 'Save the file {{fileName}} where you can find it.'),
      s(
        'lightroomSmart.step2',
        'In Lightroom Classic’s Library module, right-click a collection set in the Collections panel (for example Smart Collections) and choose Import Smart Collection Settings….',
      ),
      s('lightroomSmart.step3', 'Pick the saved file. A smart collection called “{{title}}” appears with the client’s photos.'),
      s(
        'lightroomSmart.step4',
        'If it shows fewer photos than the client chose, the files were renamed or converted (to DNG, for example) after the gallery was made, and their names no longer match.',
      ),
    ],
  },
  {
    id: 'capture-one',
    labelKey: 'export.captureOne.label',
    label: 'Capture One',
    summaryKey: 'export.captureOne.summary',
    summary: 'A colour label in XMP sidecars next to the RAW files, which Capture One reads; then one click in the Filters tool.',
    output: 'sidecars',
    evidence: 'unverified',
    steps: [
      s(
        'captureOne.step1',
        'Let Proofdesk write the sidecars: each chosen RAW file gets the label {{label}} in its .xmp file; everything else in an existing sidecar stays as it was.',
      ),
      s(
        'captureOne.step2',
        'In Capture One, open Settings (Preferences in older versions) › Image › Metadata and set Auto Sync Sidecar XMP to Load or Full Sync, so Capture One reads the sidecars.',
      ),
      s('captureOne.step3', 'Open the shoot’s folder. If the labels do not show, select the images and choose Image › Load Metadata.'),
      s(
        'captureOne.step4',
        'In the Filters tool, tick the colour tag {{label}}: only the client’s photos stay in the browser. Select them and drag them onto an album to keep them together.',
      ),
      s(
        'captureOne.step5',
        'Photos that exist only as JPEG keep their label inside the file and are not changed by Proofdesk: use “Copy the originals” for them and import that folder.',
      ),
    ],
  },
  {
    id: 'photo-mechanic',
    labelKey: 'export.photoMechanic.label',
    label: 'Photo Mechanic',
    summaryKey: 'export.photoMechanic.summary',
    summary: 'Photo Mechanic Plus: one search text (names joined by OR). Photo Mechanic: a star rating in XMP sidecars.',
    output: 'copy-text',
    evidence: 'unverified',
    steps: [
      s(
        'photoMechanic.plus1',
        'Photo Mechanic Plus: in the Organizer’s Search tab, make sure the catalog that holds the shoot is ticked for search in Active Catalogs.',
      ),
      s(
        'photoMechanic.plus2',
        'Paste the search text (the file names joined by OR) into the search field and press Enter: the results open as a contact sheet.',
      ),
      s(
        'photoMechanic.plus3',
        'Select all and tag them (⌘+ on a Mac, Ctrl+ on Windows); ⌘T / Ctrl+T selects the tagged photos again later, F3 shows only tagged photos.',
      ),
      s(
        'photoMechanic.plain1',
        'Photo Mechanic without Plus: let Proofdesk write the sidecars: each chosen RAW file gets {{rating}} stars in its .xmp file.',
      ),
      s(
        'photoMechanic.plain2',
        'Open the shoot’s folder in a contact sheet, filter it to {{rating}} stars, select all and tag them (⌘+ / Ctrl+).',
      ),
    ],
  },
  {
    id: 'list-csv',
    labelKey: 'export.listCsv.label',
    label: 'List or spreadsheet (CSV)',
    summaryKey: 'export.listCsv.summary',
    summary: 'A text file with one file name a line, or a CSV with the orders, favourites, basket, rating and label of each photo.',
    output: 'save-file',
    evidence: 'documented',
    steps: [
      s('listCsv.step1', 'Save the list (.txt, one file name a line) for any program that reads a list, or the CSV for a spreadsheet.'),
      s(
        'listCsv.step2',
        'The CSV opens in Excel, Numbers or LibreOffice with accents intact; its columns are name, stem, photo id, ordered in, favourite, in basket, rating and label.',
      ),
    ],
  },
  {
    id: 'xmp-sidecars',
    labelKey: 'export.xmp.label',
    label: 'XMP sidecars (rating and colour label)',
    summaryKey: 'export.xmp.summary',
    summary: 'Writes the rating and/or colour label into the .xmp file of each chosen RAW file, keeping everything else in it.',
    output: 'sidecars',
    evidence: 'public-example',
    steps: [
      s('xmp.step1', 'Choose the rating and the colour label to write, or keep each photo’s own from Proofdesk.'),
      s(
        'xmp.step2',
        'Proofdesk writes IMG_0001.xmp next to each RAW file (or into the folder you choose). In an existing sidecar only the rating and the label change; develop settings, keywords and captions stay, and the original is kept once as IMG_0001.xmp.bak.',
      ),
      s(
        'xmp.step3',
        'In Lightroom Classic, select the photos and choose Metadata › Read Metadata from Files. This replaces what the catalog holds for them with what the files say.',
      ),
      s(
        'xmp.step4',
        'Labels are matched by their names (Red, Yellow, Green, Blue, Purple): with a label set other than Lightroom Default they show as white labels.',
      ),
    ],
  },
  {
    id: 'copy-originals',
    labelKey: 'export.copy.label',
    label: 'Copy the originals to a folder',
    summaryKey: 'export.copy.summary',
    summary: 'Copies the RAW and JPEG files (and their sidecars) of the chosen photos into a folder, never replacing a file.',
    output: 'copy-folder',
    evidence: 'documented',
    steps: [
      s('copy.step1', 'Choose a folder outside the shoot folder.'),
      s(
        'copy.step2',
        'Proofdesk copies each photo’s RAW, JPEG and sidecar files. A file already there with the same content is left as it is; a different one is kept, and the new copy is named IMG_0001 (2).CR3, with its JPEG and sidecar numbered the same.',
      ),
      s('copy.step3', 'Cancelled? Start the copy again: files already copied are recognised and skipped.'),
      s(
        'copy.step4',
        'Then import the folder into your editor (Lightroom Classic: File › Import Photos and Video…; Capture One: File › Import Images…).',
      ),
    ],
  },
];

export function exportTarget(id: ExportTargetId): ExportTarget {
  const target = exportTargets.find((t) => t.id === id);
  if (!target) throw new Error(`Unknown export target ${id}`);
  return target;
}

/** Fill {{name}} placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fillStep(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}

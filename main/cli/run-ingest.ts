// One run of the ingest command: open (or create) the library under its lock, add the folder
// as a shoot unless the library already has it, import until everything settled (or, with
// --watch, until asked to stop), then close everything and print the summary as the last line.
// Returns the exit code; throws AppError for anything that stops the run before it starts.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { createIngestService, type IngestService, imaging } from '../services/ingest';
import { fileNamesOf, isWithin, photosIn, shootsOfFolder } from './folder-photos';
import { compareWithSnapshot, type Report, takeSnapshot } from './import-report';
import type { IngestArgs } from './ingest-args';
import { openOrCreateLibrary } from './open-library';
import { createProgressDisplay, type Output } from './progress-display';
import { formatAttention, formatSummary, type Totals } from './progress-format';
import { exitCodeFor } from './stop-signals';

export interface RunIngestOptions {
  args: IngestArgs;
  stdout: Output;
  stderr: Output;
  /** Resolves when the user asks to stop (Ctrl+C, SIGTERM). */
  stop: Promise<NodeJS.Signals>;
}

export async function runIngest({ args, stdout, stderr, stop }: RunIngestOptions): Promise<number> {
  const { folder } = args;
  await checkFolders(folder, args.library);
  const opened = await openOrCreateLibrary(args.library);
  const { catalog, library } = opened;
  const display = createProgressDisplay(stdout);
  let ingest: IngestService | null = null;
  let ticker: NodeJS.Timeout | null = null;
  let report: Report;
  let interrupted: NodeJS.Signals | null = null;
  const printed = new Set<string>();
  try {
    if (opened.created) display.line(`Created the library "${library.name}" in ${library.path}.`);
    const cacheDir = path.join(library.path, 'variants');
    const before = takeSnapshot(catalog, folder);
    ingest = createIngestService({
      catalog,
      imaging,
      libraryDir: library.path,
      cacheDir,
      events: {
        progress: () => undefined,
        photosChanged: () => undefined,
        notice: (message, level) =>
          display.line(`${level === 'info' ? 'Note' : level === 'warning' ? 'Warning' : 'Problem'}: ${message}`, stderr),
      },
      logError: (message, error) => display.line(`Problem: ${message}: ${(error as Error)?.message ?? String(error)}`, stderr),
    });
    await ingest.start();
    const owner = catalog.shoots.list().find((s) => isWithin(folder, s.path));
    if (!owner) {
      await ingest.addShoot({ path: folder, kind: args.root ? 'root' : 'shoot' });
      display.line(`Added ${folder} to the library as ${args.root ? 'a root of shoots' : 'a shoot'}.`);
    }

    const service = ingest;
    let lastAttention = -1;
    const printNewAttention = () => {
      for (const photo of photosIn(catalog, folder, 'needs_attention')) {
        if (printed.has(photo.id)) continue;
        printed.add(photo.id);
        display.line(formatAttention(fileNamesOf(photo, folder), photo.attentionReason));
      }
    };
    let lastKey = '';
    const tick = () => {
      const totals = folderTotals(service, catalog, folder);
      const key = `${totals.done}/${totals.total}`;
      // Redraw while work is going on; when idle (watching), only when something changed;
      // nothing before the scan found the first photo.
      if (totals.total > 0 && (totals.done < totals.total || key !== lastKey)) display.update(totals);
      lastKey = key;
      if (totals.needsAttention !== lastAttention) {
        lastAttention = totals.needsAttention;
        printNewAttention();
      }
    };
    ticker = setInterval(tick, stdout.isTTY ? 200 : 250);

    const first = await Promise.race([service.settled().then(() => null), stop]);
    if (first) interrupted = first;
    else tick(); // the final counts, so the last progress line says "all done"
    if (!first && args.watch) {
      display.stop();
      printNewAttention();
      display.line(formatSummary(compareWithSnapshot(catalog, folder, before)));
      display.line(`Watching ${folder} for new photos. Press Ctrl+C to stop.`);
      await stop;
    }
    clearInterval(ticker);
    ticker = null;
    display.stop();
    if (interrupted) display.line('Stopping: finishing the photos in progress…', stderr);
    await service.close();
    ingest = null;
    printNewAttention();
    report = compareWithSnapshot(catalog, folder, before);
  } finally {
    if (ticker) clearInterval(ticker);
    await ingest?.close();
    await opened.close();
  }

  let code = 0;
  if (report.missing > 0) {
    display.line(`${report.missing} photo(s) of this folder are no longer on disk; the catalog keeps them, marked missing.`);
  }
  if (interrupted && !args.watch) {
    display.line(`Stopped before the import finished (${report.unfinished} photo(s) left). Run the same command again to go on.`, stderr);
    code = exitCodeFor(interrupted);
  } else if (report.unfinished > 0 && !args.watch) {
    display.line(
      `${report.unfinished} photo(s) could not be processed yet (see the message above). Fix that, then run the same command again to go on.`,
      stderr,
    );
    code = 1;
  }
  display.line(formatSummary(report));
  return code;
}

interface FolderTotals extends Totals {
  needsAttention: number;
}

function folderTotals(ingest: IngestService, catalog: Parameters<typeof shootsOfFolder>[0], folder: string): FolderTotals {
  const totals: FolderTotals = { total: 0, done: 0, imagesPerSecond: 0, etaSeconds: null, needsAttention: 0 };
  for (const shoot of shootsOfFolder(catalog, folder)) {
    const p = ingest.progress(shoot.id);
    totals.total += p.total;
    totals.done += p.done;
    totals.imagesPerSecond += p.imagesPerSecond;
    totals.needsAttention += p.needsAttention;
  }
  totals.etaSeconds = totals.imagesPerSecond > 0 ? Math.ceil((totals.total - totals.done) / totals.imagesPerSecond) : null;
  return totals;
}

/** Checked before the library is created, so a typo does not leave an empty library behind. */
async function checkFolders(folder: string, libraryDir: string): Promise<void> {
  let stat: import('node:fs').Stats;
  try {
    stat = await fs.stat(folder);
  } catch {
    throw new AppError('not_found', `The folder ${folder} does not exist or cannot be reached. Check the path, or connect the drive.`);
  }
  if (!stat.isDirectory()) throw new AppError('invalid_input', `${folder} is a file. Name the folder that holds the photos.`);
  if (isWithin(libraryDir, folder) || isWithin(folder, libraryDir)) {
    throw new AppError('invalid_input', 'The library and the photo folder must be separate folders, neither inside the other.');
  }
}

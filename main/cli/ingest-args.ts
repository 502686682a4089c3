// The command line of `npm run ingest -- <folder> --library <dir> [--watch] [--root]`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';

export interface IngestArgs {
  folder: string;
  library: string;
  watch: boolean;
  root: boolean;
}

export const USAGE = `Usage: npm run ingest -- <folder> --library <library folder> [--watch] [--root]

  <folder>           the shoot folder to import (a card, or a folder of photos)
  --library <dir>    the Proofdesk library to import into; created if it does not exist
  --watch            keep watching the folder for new photos until Ctrl+C
  --root             the folder is a root of shoots: each first-level folder becomes a shoot`;

/** Returns null for --help; throws AppError('invalid_input') with the usage for anything else wrong. */
export function parseIngestArgs(argv: string[], cwd = process.cwd()): IngestArgs | null {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new AppError('invalid_input', `${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (positionals.length !== 1 || !positionals[0]) {
    throw new AppError('invalid_input', `Name exactly one folder to import (got ${positionals.length}).\n\n${USAGE}`);
  }
  if (!values.library) throw new AppError('invalid_input', `Say which library to import into with --library <folder>.\n\n${USAGE}`);
  return {
    folder: path.resolve(cwd, positionals[0]),
    library: path.resolve(cwd, values.library),
    watch: values.watch ?? false,
    root: values.root ?? false,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      library: { type: 'string', short: 'l' },
      watch: { type: 'boolean', short: 'w' },
      root: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

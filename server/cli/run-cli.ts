// Dispatches `npm run server [-- <command>]`. Returns the running server for `serve` (the
// caller owns shutdown) or an exit code; every expected failure is one readable line.
import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig } from '../config';
import { MigrationError } from '../db/migrate';
import { ApiError } from '../http/api-error';
import { createStudioCommand, pairingCodeCommand } from './account-commands';
import { type CliIo, usage } from './io';
import { ListenError, serve } from './serve';

export type CliResult = { exitCode: number } | { server: FastifyInstance };

function isExpected(error: unknown): error is Error {
  if (error instanceof ConfigError || error instanceof MigrationError || error instanceof ApiError || error instanceof ListenError)
    return true;
  // node:util parseArgs: unknown or malformed options.
  return typeof (error as { code?: unknown }).code === 'string' && String((error as { code: string }).code).startsWith('ERR_PARSE_ARGS');
}

export async function runCli(argv: string[], io: CliIo): Promise<CliResult> {
  const [command = 'serve', ...rest] = argv;
  try {
    if (command === 'help' || command === '--help' || command === '-h') {
      io.out(usage);
      return { exitCode: 0 };
    }
    const config = loadConfig(io.env, { serverDir: io.serverDir });
    switch (command) {
      case 'serve':
        return { server: await serve(config, io.out) };
      case 'create-studio':
        await createStudioCommand(rest, config, io.out);
        return { exitCode: 0 };
      case 'pairing-code':
        await pairingCodeCommand(rest, config, io.out);
        return { exitCode: 0 };
      default:
        io.err(`Unknown command "${command}".\n\n${usage}`);
        return { exitCode: 2 };
    }
  } catch (error) {
    if (isExpected(error)) {
      io.err(`Proofdesk server: ${error.message}`);
      return { exitCode: 1 };
    }
    io.err(`Proofdesk server stopped on an unexpected error:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { exitCode: 1 };
  }
}

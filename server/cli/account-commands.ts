// `create-studio` and `pairing-code`: run against the configured database without starting
// HTTP, so the first account can be made before the server is ever exposed.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { issuePairingCode, PAIRING_CODE_TTL_MS } from '../accounts/pairing-codes';
import { createStudio, findStudioByEmail } from '../accounts/studios';
import type { ServerConfig } from '../config';
import { migrateToLatest } from '../db/migrate';
import { openDatabase } from '../db/open-database';
import type { Db } from '../db/types';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/validate';

const createStudioArgs = z.object({
  name: z.string({ error: 'pass --name "Your Studio"' }).trim().min(1, 'pass --name "Your Studio"').max(200),
  email: z.email({ error: 'pass --email with the owner’s e-mail address' }),
});
const pairingCodeArgs = z.object({ email: z.email({ error: 'pass --email with the studio’s e-mail address' }) });

function readOptions(args: string[], names: string[]): Record<string, string | undefined> {
  const { values } = parseArgs({ args, options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])), strict: true });
  return values as Record<string, string | undefined>;
}

async function withDatabase<T>(config: ServerConfig, work: (db: Db) => Promise<T>): Promise<T> {
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.destroy();
  }
}

function pairingLines(code: string, expiresAt: number): string[] {
  return [
    `Pairing code: ${code}`,
    `It pairs one device, once, until ${new Date(expiresAt).toISOString()} (${PAIRING_CODE_TTL_MS / 60000} minutes).`,
    'Enter it in Proofdesk when you connect the app to this server.',
  ];
}

export async function createStudioCommand(args: string[], config: ServerConfig, out: (line: string) => void): Promise<void> {
  const input = parseInput(createStudioArgs, readOptions(args, ['name', 'email']), 'create-studio');
  const created = await withDatabase(config, (db) => createStudio(db, input, Date.now()));
  out(`Studio "${created.studio.name}" created for ${created.studio.email}.`);
  for (const line of pairingLines(created.pairing.code, created.pairing.expiresAt)) out(line);
}

export async function pairingCodeCommand(args: string[], config: ServerConfig, out: (line: string) => void): Promise<void> {
  const { email } = parseInput(pairingCodeArgs, readOptions(args, ['email']), 'pairing-code');
  const issued = await withDatabase(config, async (db) => {
    const studio = await findStudioByEmail(db, email);
    if (!studio)
      throw new ApiError('not_found', `No studio uses the e-mail ${email}. Create one with \`create-studio --name … --email ${email}\`.`);
    return issuePairingCode(db, studio.id, Date.now());
  });
  for (const line of pairingLines(issued.code, issued.expiresAt)) out(line);
}

// `serve`: build the server, listen, and print the one line scripts and people wait for.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../build-server';
import type { ServerConfig } from '../config';
import { writeLocalPairing } from './local-pairing';

export class ListenError extends Error {
  override name = 'ListenError';
}

export function listeningLine(host: string, port: number): string {
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return `Proofdesk server listening on http://${urlHost}:${port}`;
}

export async function serve(config: ServerConfig, out: (line: string) => void): Promise<FastifyInstance> {
  const app = await buildServer(config, { logger: { level: 'warn' } });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new ListenError(
        `Port ${config.port} is already in use on ${config.host}. Stop the other program or set PORT to another number (0 picks a free port).`,
      );
    }
    if (code === 'EACCES')
      throw new ListenError(`This user may not listen on port ${config.port}. Use a port above 1023, e.g. PORT=${4810}.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new ListenError(`HOST=${config.host} is not an address of this machine. Use 127.0.0.1 or 0.0.0.0.`);
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  // Before the listening line: whoever waits for that line may read the file at once.
  if (config.localPairingFile) await writeLocalPairing(app.proofdesk.db, config.localPairingFile, Date.now());
  out(listeningLine(config.host, port));
  return app;
}

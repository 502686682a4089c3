// A real SMTP server on loopback for the e-mail tests (smtp-server): accepts anyone (no TLS, no
// AUTH), collects every message parsed with mailparser, and answers RCPT TO per recipient as
// a test says: temporary 4xx replies a number of times, or a permanent refusal.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** RCPT TO addresses of the envelope. */
  to: string[];
  mail: ParsedMail;
}

export interface SmtpTestServer {
  url: string;
  received: ReceivedMail[];
  /** Answers RCPT TO for `address` with these replies in turn ("451 Mailbox busy"), then accepts. */
  reject(address: string, ...replies: string[]): void;
  /** Refuses `address` for good with this reply ("550 No such user"). */
  refuse(address: string, reply: string): void;
  /** How many times RCPT TO was tried for `address`. */
  attempts(address: string): number;
  close(): Promise<void>;
}

function smtpError(reply: string): Error {
  const [, code, text] = /^(\d{3})\s+(.*)$/.exec(reply) ?? [];
  return Object.assign(new Error(text ?? reply), { responseCode: Number(code ?? 451) });
}

export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const queued = new Map<string, string[]>();
  const refused = new Map<string, string>();
  const tries = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      const key = address.address.toLowerCase();
      tries.set(key, (tries.get(key) ?? 0) + 1);
      const permanent = refused.get(key);
      if (permanent) return callback(smtpError(permanent));
      const next = queued.get(key)?.shift();
      if (next) return callback(smtpError(next));
      return callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback(null, 'Ok: queued as test');
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    reject: (address, ...replies) => queued.set(address.toLowerCase(), replies),
    refuse: (address, reply) => refused.set(address.toLowerCase(), reply),
    attempts: (address) => tries.get(address.toLowerCase()) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

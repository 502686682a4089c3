// How an e-mail leaves the server: over SMTP (SMTP_URL) with nodemailer, or, without SMTP_URL, as
// an .eml file in a folder (design §5's dev transport), rendered by nodemailer's stream transport
// so the file is exactly the message SMTP would have carried. Either way send() answers with a
// line for the e-mail log, or throws a MailDeliveryError saying whether trying again can help.
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { MailConfig } from '../config';

export interface OutgoingMail {
  id: string;
  fromName: string;
  to: string;
  replyTo: string | null;
  subject: string;
  language: string;
  text: string;
  html: string;
}

export interface MailTransport {
  /** Sends one e-mail; answers what the server said ("250 2.0.0 Ok: queued as …"). */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

export class MailDeliveryError extends Error {
  override name = 'MailDeliveryError';
  constructor(
    /** The SMTP server's reply as it said it, or the error ("connect ECONNREFUSED …"). */
    readonly reply: string,
    /** A 5xx reply: the server refused for good, trying again would not help. */
    readonly permanent: boolean,
  ) {
    super(reply);
  }
}

/** "Name <address>" or a bare address → the bare address. */
export function addressOf(from: string): string {
  return /<([^<>]+)>/.exec(from)?.[1] ?? from.trim();
}

function message(mail: OutgoingMail, fromAddress: string) {
  return {
    from: { name: mail.fromName, address: fromAddress },
    to: mail.to,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated', 'X-Proofdesk-Email-Id': mail.id },
  };
}

function deliveryError(error: unknown): MailDeliveryError {
  const e = error as { response?: unknown; responseCode?: unknown; message?: unknown };
  const reply = typeof e.response === 'string' && e.response ? e.response : String(e.message ?? error);
  const code = typeof e.responseCode === 'number' ? e.responseCode : 0;
  return new MailDeliveryError(reply, code >= 500 && code < 600);
}

function smtpTransport(url: string, fromAddress: string): MailTransport {
  // One connection per message: a queue of order e-mails is short, and a broken connection
  // never outlives the message it failed.
  const transporter = nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
  return {
    async send(mail) {
      try {
        const info = await transporter.sendMail(message(mail, fromAddress));
        return typeof info.response === 'string' ? info.response : 'accepted';
      } catch (error) {
        throw deliveryError(error);
      }
    },
    close: () => transporter.close(),
  };
}

function emlFolderTransport(dir: string, fromAddress: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transporter.sendMail(message(mail, fromAddress));
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Written aside, flushed, then renamed: a reader of the folder never sees half a message.
      const name = `${mail.id}.eml`;
      const temp = path.join(dir, `.${name}.${randomUUID()}.tmp`);
      try {
        const file = await open(temp, 'wx', 0o600);
        try {
          await file.writeFile(info.message as Buffer);
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temp, path.join(dir, name));
      } catch (error) {
        await rm(temp, { force: true });
        throw new MailDeliveryError(`could not write ${name}: ${(error as Error).message}`, false);
      }
      return `written to ${path.basename(dir)}/${name}`;
    },
    close: () => transporter.close(),
  };
}

export function createMailTransport(config: MailConfig, from: string): MailTransport {
  const fromAddress = addressOf(from);
  return config.kind === 'smtp' ? smtpTransport(config.url, fromAddress) : emlFolderTransport(config.dir, fromAddress);
}

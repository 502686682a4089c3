// Sends the queued e-mails (order_emails, status 'queued', next_attempt_at due) in the
// background: every few seconds, and at once after kick() (called after a commit that queued
// one). An e-mail is claimed before it is sent (a lease in next_attempt_at, compare-and-set), so
// several server instances on one database never send it twice. A temporary failure (4xx, a
// dropped connection) is retried with growing delays; a permanent one (5xx) or the last attempt
// ends 'failed', with the server's reply in `detail`; sent or failed, the studio is told (order.updated).
import type { FastifyBaseLogger } from 'fastify';
import type { Db, OrderEmailsTable } from '../db/types';
import { changeOrder } from '../orders/order-changes';
import { MailDeliveryError, type MailTransport } from './mail-transport';

export interface MailSenderOptions {
  /** How often to look for due e-mails besides kick(); default 5 s. */
  pollIntervalMs?: number;
  /** The wait before each retry after a temporary failure; attempts = length + 1. */
  retryDelaysMs?: readonly number[];
  /** How long a claimed e-mail stays this sender's before another may take it over; default 5 min. */
  leaseMs?: number;
}

export const DEFAULT_RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000, 7_200_000] as const;
const BATCH = 20;

export class MailSender {
  private readonly pollIntervalMs: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly transport: MailTransport,
    private readonly now: () => number,
    private readonly log: FastifyBaseLogger,
    options: MailSenderOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.leaseMs = options.leaseMs ?? 300_000;
  }

  start(): void {
    if (this.stopped || this.timer) return;
    this.timer = setInterval(() => this.kick(), this.pollIntervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Look for due e-mails now (or right after the pass under way). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Stops the timer and waits for the e-mail being sent, then closes the transport. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    this.transport.close();
  }

  /** Resolves when no pass is under way (tests wait on it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.pass();
      } while (this.again && !this.stopped);
    } catch (error) {
      // The database went away (closing) or failed: the next tick tries again.
      if (!this.stopped) this.log.error({ err: error }, 'e-mail sender pass failed');
    }
  }

  private async pass(): Promise<void> {
    while (!this.stopped) {
      const due = await this.db
        .selectFrom('order_emails')
        .selectAll()
        .where('status', '=', 'queued')
        .where('next_attempt_at', '<=', this.now())
        .orderBy('next_attempt_at')
        .limit(BATCH)
        .execute();
      for (const email of due) {
        if (this.stopped) return;
        await this.sendOne(email);
      }
      if (due.length < BATCH) return;
    }
  }

  private async sendOne(email: OrderEmailsTable): Promise<void> {
    const claimed = await this.db
      .updateTable('order_emails')
      .set({ next_attempt_at: this.now() + this.leaseMs })
      .where('id', '=', email.id)
      .where('status', '=', 'queued')
      .where('next_attempt_at', '=', email.next_attempt_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return; // Another sender has it.
    const attempts = Number(email.attempts) + 1;
    try {
      const reply = await this.transport.send({
        id: email.id,
        fromName: email.from_name,
        to: email.to_address,
        replyTo: email.reply_to,
        subject: email.subject,
        language: email.language,
        text: email.body_text,
        html: email.body_html,
      });
      // The studio's e-mail log shows "sent" (and the SMTP server's answer) without another action.
      await this.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('order_emails')
          .set({ status: 'sent', detail: reply, attempts, sent_at: this.now() })
          .where('id', '=', email.id)
          .execute();
        await changeOrder(
          trx,
          { studioId: email.studio_id, orderId: email.order_id, at: this.now(), cause: 'email' },
          async () => undefined,
        );
      });
    } catch (error) {
      const failure = error instanceof MailDeliveryError ? error : new MailDeliveryError(String(error), false);
      const delay = this.retryDelaysMs[attempts - 1];
      if (failure.permanent || delay === undefined) {
        this.log.warn({ emailId: email.id, orderId: email.order_id, reply: failure.reply, attempts }, 'e-mail failed');
        await this.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('order_emails')
            .set({ status: 'failed', detail: failure.reply, attempts })
            .where('id', '=', email.id)
            .execute();
          await changeOrder(
            trx,
            { studioId: email.studio_id, orderId: email.order_id, at: this.now(), cause: 'email' },
            async () => undefined,
          );
        });
        return;
      }
      // Up to a tenth more, so e-mails that failed together do not all come back together.
      const jitter = Math.floor(Math.random() * delay * 0.1);
      await this.db
        .updateTable('order_emails')
        .set({ detail: failure.reply, attempts, next_attempt_at: this.now() + delay + jitter })
        .where('id', '=', email.id)
        .execute();
    }
  }
}

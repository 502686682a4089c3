// The e-mail sender against a real SMTP server on loopback: who gets what in which language with
// which links, a temporary refusal retried until accepted, a permanent one and the last attempt
// ending 'failed' with the server's reply (and the studio told), a resend after a corrected
// address, and a restart that stops the sender cleanly and picks the queue up again.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { putStudioSettings } from '../accounts/studio-settings';
import { type SmtpTestServer, startSmtpTestServer } from '../test-support/smtp-test-server';
import { describeOnEachDatabase, type TestGallery, type TestStudio } from '../test-support/test-server';
import { waitFor } from '../test-support/wait-for';

let smtp: SmtpTestServer;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  await smtp?.close();
});

const instructions = 'Przelew na konto PL61 1090 1014 0000 0712 1981 2874, tytuł: numer zamówienia';

describeOnEachDatabase(
  'e-mail over SMTP',
  (server) => {
    const setup = async (clientEmail: string, options: { language?: 'en' | 'pl' } = {}) => {
      const studio = await server().newStudio('Studio Nowak');
      await putStudioSettings(
        server().app.proofdesk.db,
        studio.studioId,
        { paymentInstructions: instructions, notificationEmail: `desk-${randomUUID()}@studio.example`, cardPayments: false },
        Date.now(),
      );
      const gallery = await server().newGallery(studio, { title: 'Ślub Ani i Marka' });
      if (options.language === 'en') {
        await server().request('PUT', `/v1/clients/${gallery.clientId}`, {
          token: studio.token,
          body: { name: 'Emma Brown', email: clientEmail, phone: null, language: 'en' },
        });
      }
      const session = await server().openGallery(gallery);
      const placed = await server().request('POST', '/v1/client/orders', {
        token: session,
        body: {
          deliveryMethodId: 'full',
          photoIds: gallery.photos.slice(0, 3).map((p) => p.id),
          contact: { name: 'Anna Nowak', email: clientEmail, phone: null },
        },
      });
      expect(placed.status).toBe(201);
      return { studio, gallery, order: placed.body };
    };
    const emails = (orderId: string) =>
      server()
        .app.proofdesk.db.selectFrom('order_emails')
        .selectAll()
        .where('order_id', '=', orderId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    const settled = (orderId: string, count: number) =>
      waitFor(
        () => emails(orderId),
        (rows) => rows.length === count && rows.every((r) => r.status !== 'queued'),
        `${count} e-mails of order ${orderId} settled`,
      );
    const to = (address: string) => smtp.received.filter((r) => r.to.includes(address));
    const links = (gallery: TestGallery, orderId: string) => {
      const galleryUrl = `${server().baseUrl}/g/${gallery.slug}`;
      return { galleryUrl, orderUrl: `${galleryUrl}#order=${orderId}` };
    };
    const studioAddress = async (studio: TestStudio) =>
      (
        await server()
          .app.proofdesk.db.selectFrom('studio_settings')
          .select('notification_email')
          .where('studio_id', '=', studio.studioId)
          .executeTakeFirstOrThrow()
      ).notification_email as string;

    it('sends the studio its announcement in English and a Polish client a Polish confirmation, with links, total, delivery and payment instructions', async () => {
      const client = `anna-${randomUUID()}@example.pl`;
      const { studio, gallery, order } = await setup(client);
      const rows = await settled(order.id, 2);
      expect(rows.map((r) => [r.kind, r.status, r.attempts])).toEqual([
        ['studio_new_order', 'sent', 1],
        ['client_order_confirmation', 'sent', 1],
      ]);
      expect(rows[0]?.detail).toMatch(/^250 /);
      const desk = await studioAddress(studio);
      const { galleryUrl, orderUrl } = links(gallery, order.id);

      const [announcement] = to(desk);
      expect(to(desk)).toHaveLength(1);
      expect(announcement?.mail.subject).toBe(`New order ${order.number} from Anna Nowak (3 photos)`);
      expect(announcement?.mail.headers.get('content-language')).toBe('en');
      expect(announcement?.mail.from?.value).toEqual([{ name: 'Proofdesk', address: 'proofdesk@localhost' }]);
      expect(announcement?.mail.replyTo?.value[0]?.address).toBe(client);
      expect(announcement?.mail.text).toContain(galleryUrl);
      expect(announcement?.mail.text).toMatch(/IMG_0001\.jpg[\s\S]*IMG_0003\.jpg/);

      const [confirmation] = to(client);
      expect(to(client)).toHaveLength(1);
      const mail = confirmation?.mail;
      expect(mail?.subject).toBe(`Zamówienie ${order.number} zostało przyjęte`);
      expect(mail?.headers.get('content-language')).toBe('pl');
      expect(mail?.from?.value).toEqual([{ name: 'Studio Nowak', address: 'proofdesk@localhost' }]);
      expect(mail?.replyTo?.value[0]?.address).toBe(desk);
      expect(mail?.text).toContain(orderUrl);
      expect(mail?.text).toContain(galleryUrl);
      expect(mail?.text).toMatch(/Razem:\s+45,00\s*zł \(w tym VAT 8,41\s*zł\)/);
      expect(mail?.text).toMatch(/Forma dostawy:\s+Full resolution/);
      expect(mail?.text).toContain(`Jak zapłacić\n  ${instructions}`);
      expect(mail?.html).toContain(`<a href="${orderUrl}">`);
      expect(mail?.html).toContain(instructions);
      expect(mail?.html).not.toMatch(/<img|<script|<link/);
      expect(mail?.attachments).toEqual([]);
    });

    it('an English client gets English', async () => {
      const client = `emma-${randomUUID()}@example.com`;
      const { order } = await setup(client, { language: 'en' });
      await settled(order.id, 2);
      const mail = to(client)[0]?.mail;
      expect(mail?.subject).toBe(`Your order ${order.number} has been received`);
      expect(mail?.headers.get('content-language')).toBe('en');
      expect(mail?.text).toMatch(/Total:\s+PLN\s45\.00 \(incl\. VAT PLN\s8\.41\)/);
      expect(mail?.text).toContain(`How to pay\n  ${instructions}`);
    });

    it('retries a temporary refusal (451) with backoff and ends sent; gives up after the last attempt with the reply', async () => {
      const flaky = `flaky-${randomUUID()}@example.pl`;
      smtp.reject(flaky, '451 4.2.1 Mailbox busy, try again later', '451 4.2.1 Mailbox busy, try again later');
      const { order } = await setup(flaky);
      const rows = await settled(order.id, 2);
      const confirmation = rows[1];
      expect(confirmation).toMatchObject({ kind: 'client_order_confirmation', status: 'sent', attempts: 3 });
      expect(confirmation?.detail).toMatch(/^250 /);
      expect(smtp.attempts(flaky)).toBe(3);
      expect(to(flaky)).toHaveLength(1);

      const busy = `busy-${randomUUID()}@example.pl`;
      smtp.reject(busy, ...Array.from({ length: 5 }, () => '451 4.3.0 Temporary failure'));
      const failed = await setup(busy);
      const [, last] = await settled(failed.order.id, 2);
      // Three attempts in these tests (two retry delays), then failed with what the server said.
      expect(last).toMatchObject({ status: 'failed', attempts: 3, sent_at: null });
      expect(last?.detail).toBe('451 4.3.0 Temporary failure');
      expect(to(busy)).toEqual([]);
    });

    it('a permanent refusal (550) ends failed at once with the server’s reply, and the studio’s feed says so', async () => {
      const gone = `gone-${randomUUID()}@example.pl`;
      smtp.refuse(gone, '550 5.1.1 No such user here');
      const { studio, order } = await setup(gone);
      const [, confirmation] = await settled(order.id, 2);
      expect(confirmation).toMatchObject({ status: 'failed', attempts: 1, detail: '550 5.1.1 No such user here' });
      expect(smtp.attempts(gone)).toBe(1);
      const view = (await server().request('GET', `/v1/orders/${order.id}`, { token: studio.token })).body;
      expect(view.emails[1]).toMatchObject({
        kind: 'client_order_confirmation',
        status: 'failed',
        detail: '550 5.1.1 No such user here',
        attempts: 1,
        sentAt: null,
      });
      const feed = (await server().request('GET', '/v1/changes?limit=1000', { token: studio.token })).body.changes;
      const told = feed.filter(
        (c: { type: string; payload: { order?: { id: string }; cause?: string } }) =>
          c.type === 'order.updated' && c.payload.order?.id === order.id && c.payload.cause === 'email',
      );
      // One for each e-mail's outcome: the studio's went out, the client's failed.
      expect(told).toHaveLength(2);
      expect(
        told
          .at(-1)
          .payload.order.emails.map((e: { status: string }) => e.status)
          .sort(),
      ).toEqual(['failed', 'sent']);
      expect(
        told.find((c: { payload: { order: { emails: { status: string }[] } } }) => c.payload.order.emails[1]?.status === 'failed'),
      ).toBeTruthy();
    });

    it('after a corrected address, a resend reaches the new address (and never the old one again)', async () => {
      const typo = `anna-${randomUUID()}@exmaple.pl`;
      smtp.refuse(typo, '550 5.1.2 Bad destination mailbox address');
      const { studio, order } = await setup(typo);
      const [, confirmation] = await settled(order.id, 2);
      expect(confirmation?.status).toBe('failed');
      const right = `anna-${randomUUID()}@example.pl`;
      const fixed = await server().request('PATCH', `/v1/orders/${order.id}/contact`, { token: studio.token, body: { email: right } });
      expect(fixed.status).toBe(200);
      const resent = await server().request('POST', `/v1/orders/${order.id}/emails/${confirmation?.id}/resend`, { token: studio.token });
      expect(resent.status).toBe(200);
      const rows = await settled(order.id, 3);
      expect(rows[2]).toMatchObject({ kind: 'client_order_confirmation', to_address: right, status: 'sent', attempts: 1 });
      expect(to(right).map((r) => r.mail.subject)).toEqual([`Zamówienie ${order.number} zostało przyjęte`]);
      expect(smtp.attempts(typo)).toBe(1);
    });

    it('a studio action’s e-mail goes out at once; a restart stops the sender cleanly and the new one sends what is left', async () => {
      const client = `ola-${randomUUID()}@example.pl`;
      const { studio, order } = await setup(client);
      await settled(order.id, 2);
      const paid = await server().request('POST', `/v1/orders/${order.id}/events`, {
        token: studio.token,
        body: { type: 'mark_paid', method: 'offline' },
      });
      expect(paid.status).toBe(200);
      await settled(order.id, 3);
      expect(to(client).map((r) => r.mail.subject)).toEqual([
        `Zamówienie ${order.number} zostało przyjęte`,
        `Zamówienie ${order.number} zostało opłacone`,
      ]);

      // Queued while no server runs (written straight into the table, as a crashed commit's kick would leave it).
      const [first] = await emails(order.id);
      await server()
        .app.proofdesk.db.updateTable('order_emails')
        .set({ status: 'queued', attempts: 0, next_attempt_at: 0 })
        .where('id', '=', first?.id as string)
        .execute();
      await server().restart();
      const rows = await settled(order.id, 3);
      expect(rows[0]).toMatchObject({ status: 'sent', attempts: 1 });
    });
  },
  () => ({ mail: { kind: 'smtp', url: smtp.url }, mailSender: { pollIntervalMs: 50, retryDelaysMs: [60, 120] } }),
);

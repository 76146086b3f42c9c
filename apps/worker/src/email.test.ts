// Outbox mail end to end: a real pg-boss worker delivering to a real SMTP server on loopback.
import type { AddressInfo } from 'node:net';
import { type Scenario, scenario, type TestUser } from '@dramac/api/testing';
import { until } from '@dramac/api/testing/until';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from './index.ts';

interface Mailbox {
  url: string;
  /** messages the server accepted, parsed */
  accepted: ParsedMail[];
  /** every DATA the server saw, accepted or not */
  attempts: number;
  /** recipients refused at RCPT TO, one entry per refusal */
  refused: string[];
}

/**
 * An SMTP server that answers each message's DATA as `script` says (the first is 1), and refuses
 * recipients at `bounce@…` for good.
 */
async function smtpServer(script: (n: number) => 'accept' | 'reject' = () => 'accept'): Promise<Mailbox> {
  const box: Mailbox = { url: '', accepted: [], attempts: 0, refused: [] };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!address.address.startsWith('bounce@')) return callback();
      box.refused.push(address.address);
      callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
    },
    onData(stream, _session, callback) {
      const n = ++box.attempts;
      simpleParser(stream).then(
        (mail) => {
          if (script(n) === 'reject') {
            return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          }
          box.accepted.push(mail);
          callback();
        },
        (err) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  box.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return box;
}

const closers: (() => Promise<void>)[] = [];
let s: Scenario;
let owner: TestUser;

beforeAll(async () => {
  s = await scenario();
  owner = await s.user('Olivia');
});
// one worker per test, stopped before the next starts, so no other worker takes its jobs
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function worker(smtpUrl?: string) {
  const w = await startWorker(s.url, { smtpUrl, pollingIntervalSeconds: 0.5 });
  closers.push(() => w.stop());
}

let invitee = 0;
async function invite(email = `invitee-${++invitee}@example.test`) {
  await owner.api.invitations.create({ agencyId: owner.agencyId, email });
  return email;
}

const outboxRow = (to: string) => s.services.db.emailMessage.findFirstOrThrow({ where: { to } });
const to = (mail: ParsedMail) => [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address));

describe('email.send', () => {
  it('delivers an invitation through SMTP with a link that opens it, and marks the row sent', async () => {
    const mailbox = await smtpServer();
    await worker(mailbox.url);
    const email = await invite();

    const mail = await until('the invitation email', async () => mailbox.accepted.find((m) => to(m).includes(email)));
    expect(mail.subject).toBe(`Join Olivia's Agency on Dramac`);
    expect(mail.from?.text).toContain('no-reply@dramac.local');
    const link = mail.text?.match(/http:\/\/dashboard\.test\/invitations\/(inv_[A-Za-z0-9_-]+)/);
    expect(link).not.toBeNull();
    expect(mail.html).toContain(`href="${link![0]}"`);
    // the link is the invitation: the page it opens shows who invited whom
    expect(await s.anonymous.invitations.byToken({ token: link![1]! })).toMatchObject({ email, status: 'pending' });

    const row = await until('the row to be sent', async () => {
      const r = await outboxRow(email);
      return r.status === 'sent' && r;
    });
    expect(row).toMatchObject({ attempts: 1, lastError: null, sentAt: expect.any(Date) });
    expect(mailbox.attempts).toBe(1);
  });

  it('holds the message when no SMTP server is configured', async () => {
    const mailbox = await smtpServer(); // listening, but the worker is not told about it
    await worker();
    const email = await invite();
    const row = await until('the row to be held', async () => {
      const r = await outboxRow(email);
      return r.status === 'held' && r;
    });
    expect(row).toMatchObject({ attempts: 0, sentAt: null });
    expect(mailbox.attempts).toBe(0);
  });

  it('retries after the SMTP server refuses, and ends sent', async () => {
    const mailbox = await smtpServer((n) => (n === 1 ? 'reject' : 'accept'));
    await worker(mailbox.url);
    const email = await invite();

    // between the attempts the dashboard shows why it is not sent yet
    const failed = await until('the failed first attempt', async () => {
      const r = await outboxRow(email);
      return r.status === 'failed' && r;
    });
    expect(failed).toMatchObject({ attempts: 1, lastError: expect.stringContaining('Mailbox busy') });

    const row = await until('the retry to succeed', async () => {
      const r = await outboxRow(email);
      return r.status === 'sent' && r;
    });
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    expect(row.lastError).toBeNull();
    expect(mailbox.accepted.filter((m) => to(m).includes(email))).toHaveLength(1);
  });

  it('does not fail or delay other messages of a batch for one the server refuses', async () => {
    const mailbox = await smtpServer();
    // all waiting when the worker starts, so it fetches them in one batch
    const bounce = await invite('bounce@example.test');
    const others = [await invite(), await invite()];
    await worker(mailbox.url);

    await until('the refusal on the row', async () => {
      const r = await outboxRow(bounce);
      return r.status === 'failed' && r.lastError?.includes('No such mailbox');
    });
    for (const email of others) {
      // each job finished on its first run, whatever its place in the batch
      const job = await until(`the job for ${email}`, async () => {
        const { id } = await outboxRow(email);
        const [row] = await s.services.db.$queryRaw<{ state: string; retry_count: number }[]>`
          select state, retry_count from pgboss.job where name = 'email.send' and data->>'messageId' = ${id}`;
        return row?.state === 'completed' && row;
      });
      expect(job.retry_count).toBe(0);
      expect(mailbox.accepted.filter((m) => to(m).includes(email))).toHaveLength(1);
    }
  });
});

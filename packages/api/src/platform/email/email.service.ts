// Mail goes through the outbox: the row and its send job are written in the caller's transaction,
// and the worker delivers it (SMTP when SMTP_URL is set, otherwise it stays readable in the
// dashboard's outbox).
import type { Tx } from '@dramac/db';
import { enqueue, type PgBoss } from '@dramac/jobs';

export interface OutgoingEmail {
  agencyId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export async function queueEmail(tx: Tx, boss: PgBoss, email: OutgoingEmail) {
  const message = await tx.emailMessage.create({ data: email });
  await enqueue(boss, tx, 'email.send', { messageId: message.id });
  return message;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A plain, readable HTML body with one call to action. */
export function simpleHtml(paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const button = action
    ? `<p><a href="${escapeHtml(action.url)}" style="background:#4f46e5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>`
    : '';
  return `<div style="font-family:system-ui,sans-serif;font-size:15px;color:#111">${body}${button}</div>`;
}

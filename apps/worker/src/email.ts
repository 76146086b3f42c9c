// email.send: delivers one outbox message through SMTP (nodemailer). Without SMTP_URL the message
// is marked `held` and stays readable in the dashboard's outbox. A failure throws, so pg-boss
// retries with backoff (packages/jobs); the last error is kept on the row for the dashboard.
import type { Db } from '@dramac/db';
import nodemailer, { type Transporter } from 'nodemailer';

export function createMailer(smtpUrl: string | undefined): Transporter | null {
  return smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
}

export async function sendEmail(db: Db, mailer: Transporter | null, messageId: string, from: string) {
  const message = await db.emailMessage.findUnique({ where: { id: messageId } });
  if (!message || message.status === 'sent') return;
  if (!mailer) {
    await db.emailMessage.update({ where: { id: message.id }, data: { status: 'held' } });
    return;
  }
  try {
    await mailer.sendMail({
      from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? undefined,
    });
    await db.emailMessage.update({
      where: { id: message.id },
      data: { status: 'sent', sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
    });
  } catch (err) {
    await db.emailMessage.update({
      where: { id: message.id },
      data: { status: 'failed', attempts: { increment: 1 }, lastError: String((err as Error).message).slice(0, 500) },
    });
    throw err;
  }
}

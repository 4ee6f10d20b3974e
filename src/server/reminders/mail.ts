import nodemailer from 'nodemailer';

export interface Mailer {
  send(to: string, subject: string, text: string): Promise<void>;
}

/** SMTP through nodemailer when SMTP_URL is set (e.g. smtp://user:pass@mail.example.org:587). */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) {
    return null;
  }
  // Short timeouts: a stuck mail server must not hold a job (and its locked rows) for minutes.
  const url = new URL(smtpUrl);
  url.searchParams.set('connectionTimeout', '10000');
  url.searchParams.set('greetingTimeout', '10000');
  url.searchParams.set('socketTimeout', '20000');
  const transport = nodemailer.createTransport(url.toString());
  return {
    async send(to, subject, text) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}

/**
 * The reminder email says how many reminders wait and where: never a name, a promise or a date of
 * someone's life — email leaves the organisation's control; the details stay behind the sign-in.
 */
export function reminderEmail(count: number, publicUrl: string): { subject: string; text: string } {
  const what = count === 1 ? 'a new reminder' : `${count} new reminders`;
  return {
    subject: `Rapport: ${what}`,
    text: `You have ${what} in Rapport: a promise coming due, a check-in to make, or a date to remember.\n\nSign in to see them: ${publicUrl}/notifications\n\nThis email leaves out names and details on purpose.`,
  };
}

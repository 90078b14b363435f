import { env } from '$env/dynamic/private';
import { and, asc, count, desc, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { db, tables, write, type Tx } from './db';
import { newId } from './ids';

/**
 * Email notifications. Every email is written to the outbox table first, then delivered through
 * SMTP_URL; failures are retried with a growing wait, so nothing is lost. Without SMTP_URL the
 * emails stay in the outbox (and are logged), which is where the demo's emails can be read.
 * Emails never carry a child's name or a message's text: only that there is something to read.
 */
const { outbox } = tables;
const MAX_ATTEMPTS = 12;

let transport: Transporter | null | undefined;
function transporter(): Transporter | null {
	if (transport === undefined) transport = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;
	return transport;
}

export function mailFrom(): string {
	return env.MAIL_FROM || 'Voicebox <no-reply@voicebox.invalid>';
}

/**
 * Puts an email in the outbox and starts sending. Inside a write transaction pass `tx`: the email is
 * then kept or lost with the rest of that write, and the caller calls `deliverDue()` after it.
 */
export function queueEmail(to: string, subject: string, text: string, now = Date.now(), tx?: Tx): string {
	const id = newId();
	const values = { id, to, subject, text, createdAt: now, nextAttemptAt: now };
	if (tx) tx.insert(outbox).values(values).run();
	else write((w) => w.insert(outbox).values(values).run());
	if (!transporter())
		console.log(`[outbox] email ${id} to ${to} kept in the outbox table (no SMTP_URL): ${subject}`);
	if (!tx) void deliverDue();
	return id;
}

/** The wait before another try: 30 s, 1 min, 2 min … capped at 1 hour. */
export function retryDelay(attempts: number): number {
	return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

let running: Promise<void> | null = null;
let again = false;

/**
 * Sends what is due. Safe to call often: one run at a time. An email queued while a run is sending
 * (the duty manager's, just after the IRO's) goes in another pass straight after, not at the next tick.
 */
export function deliverDue(now = Date.now()): Promise<void> {
	const mailer = transporter();
	if (!mailer) return Promise.resolve();
	if (running) {
		again = true;
		return running;
	}
	running = (async () => {
		let at = now;
		do {
			again = false;
			await sendDue(mailer, at);
			at = Math.max(at, Date.now());
		} while (again);
	})().finally(() => (running = null));
	return running;
}

/**
 * What may be sent now: neither sent nor given up, and due. Its WHERE matches the partial index
 * `outbox_waiting_idx`, so given-up emails are not read again (tests/unit/failed-emails.test.ts shows
 * the plan).
 */
export function dueEmails(now: number) {
	return db()
		.select()
		.from(outbox)
		.where(and(isNull(outbox.sentAt), isNull(outbox.failedAt), lte(outbox.nextAttemptAt, now)))
		.orderBy(asc(outbox.nextAttemptAt))
		.limit(50);
}

/**
 * Emails given up on after the last attempt, newest first, `limit` of them: when, to whom, the
 * subject (never the body), the attempts and the last error. For the manager's page.
 */
export function failedEmails(limit: number) {
	const rows = db()
		.select({
			id: outbox.id,
			to: outbox.to,
			subject: outbox.subject,
			createdAt: outbox.createdAt,
			failedAt: outbox.failedAt,
			attempts: outbox.attempts,
			lastError: outbox.lastError
		})
		.from(outbox)
		.where(isNotNull(outbox.failedAt))
		.orderBy(desc(outbox.failedAt), desc(outbox.id))
		.limit(limit)
		.all();
	return rows.map((r) => ({ ...r, failedAt: r.failedAt ?? r.createdAt }));
}

export function failedEmailCount(): number {
	return db().select({ n: count() }).from(outbox).where(isNotNull(outbox.failedAt)).get()?.n ?? 0;
}

/**
 * How long a process may take to send an email it claimed; a process that died while sending leaves
 * the email to be tried again after this (longer than any of nodemailer's waits).
 */
export const CLAIM_MS = 15 * 60_000;

/**
 * Claims an email for this process before it is sent: any process may send what it has just queued
 * (at once, not at the next tick) while the one holding the background lease retries the rest, so
 * two could read the same row. Only the one whose write still finds the row as it read it sends it.
 */
function claim(id: string, nextAttemptAt: number): boolean {
	return write(
		(tx) =>
			tx
				.update(outbox)
				.set({ nextAttemptAt: Date.now() + CLAIM_MS })
				.where(and(eq(outbox.id, id), isNull(outbox.sentAt), eq(outbox.nextAttemptAt, nextAttemptAt)))
				.run().changes === 1
	);
}

async function sendDue(mailer: Transporter, now: number): Promise<void> {
	const due = dueEmails(now).all();
	for (const email of due) {
		if (!claim(email.id, email.nextAttemptAt)) continue;
		try {
			await mailer.sendMail({ from: mailFrom(), to: email.to, subject: email.subject, text: email.text });
			write((tx) =>
				tx.update(outbox).set({ sentAt: Date.now(), lastError: null }).where(eq(outbox.id, email.id)).run()
			);
		} catch (error) {
			const attempts = email.attempts + 1;
			const at = Date.now();
			const givenUp = attempts >= MAX_ATTEMPTS;
			write((tx) =>
				tx
					.update(outbox)
					.set({
						attempts,
						nextAttemptAt: at + retryDelay(attempts),
						lastError: String(error).slice(0, 500),
						failedAt: givenUp ? at : null
					})
					.where(eq(outbox.id, email.id))
					.run()
			);
			console.error(
				`[outbox] email ${email.id} failed (attempt ${attempts}); ${givenUp ? 'given up: see /manage/emails' : 'will retry'}`
			);
		}
	}
}

/** Retries in the background until the returned function stops it (see background.ts). */
export function startOutboxWorker(intervalMs = 30_000): () => void {
	const timer = setInterval(() => void deliverDue(), intervalMs);
	timer.unref();
	void deliverDue();
	return () => clearInterval(timer);
}

// A real SMTP server on loopback for the end-to-end tests: it keeps every email it receives and
// lists them as JSON over HTTP (GET /emails, DELETE /emails), so tests can read what was sent.
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const SMTP_PORT = Number(process.env.SMTP_PORT || 2525);
const HTTP_PORT = Number(process.env.HTTP_PORT || 2526);
/** @type {Array<{ to: string[]; subject: string; text: string; receivedAt: number }>} */
const emails = [];

const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	onData(stream, session, callback) {
		simpleParser(stream)
			.then((mail) => {
				emails.push({
					to: session.envelope.rcptTo.map((r) => r.address),
					subject: mail.subject ?? '',
					text: mail.text ?? '',
					receivedAt: Date.now()
				});
				callback();
			})
			.catch(callback);
	}
});
smtp.listen(SMTP_PORT, '127.0.0.1');

createServer((req, res) => {
	if (req.method === 'DELETE') emails.length = 0;
	res.setHeader('content-type', 'application/json');
	res.end(JSON.stringify(emails));
}).listen(HTTP_PORT, '127.0.0.1', () => console.log(`mail sink: smtp ${SMTP_PORT}, http ${HTTP_PORT}`));

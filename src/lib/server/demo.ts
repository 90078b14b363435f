import { env } from '$env/dynamic/private';
import { count } from 'drizzle-orm';
import { db, tables, write } from './db';
import { createUser } from './accounts';
import { createChild, allocateChild } from './children';
import { addCarer, linkCarer } from './carers';
import { meetingsOfChild, scheduleMeeting } from './meetings';
import { writeUpReview } from './reviews';
import { issueInvite } from './auth/invites';
import { addDays, addMonths, londonDate } from '$lib/domain/dates';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { sendMessage } from './messages';
import { savePhoto } from './photos';
import { addAgendaItem } from './agenda';
import { addDecision, saveOutcomes, sendLetter } from './outcomes';
import { markDone } from './follow-ups';
import { emptyWords } from '$lib/domain/outcomes';
import { demoFeedback } from './feedback';
import { escalateConcern, raiseConcern, resolveConcern, concernOfChild } from './oversight';
import { askForFormat } from './formats';

/** The password of every demo account (printed by `npm run demo`; never use outside a demo). */
export const DEMO_PASSWORD = 'voicebox demo 2026';

const DAY = 86_400_000;

function yearsAgo(today: string, years: number, extraDays: number) {
	return addDays(addMonths(today, -12 * years), -extraDays);
}

/** A round picture with initials, standing in for an IRO's photo in the demo. */
function avatar(initials: string, colour: string) {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400" fill="${colour}"/><text x="200" y="250" font-size="160" font-family="sans-serif" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
	return sharp(Buffer.from(svg)).webp().toBuffer();
}

/** At 10:00 or 16:00 London time, `days` from now (approximately: fine for demo data). */
function at(now: number, days: number, hour: number) {
	const d = new Date(now + days * DAY);
	d.setUTCHours(hour - 1, 0, 0, 0);
	return d.getTime();
}

/**
 * Fills an empty database with the demo council: a manager, two IROs, five children (5, 9, 12, 15
 * and 17), two carers, past and upcoming meetings. Runs only when SEED_DEMO=1.
 */
export async function seedDemoIfAsked(): Promise<void> {
	if (env.SEED_DEMO !== '1') return;
	const existing = db().select({ n: count() }).from(tables.users).get();
	if (existing && existing.n > 0) return;

	const now = Date.now();
	const today = londonDate(now);
	const password = DEMO_PASSWORD;

	await createUser({
		role: 'manager',
		username: 'manager',
		email: 'grace.okafor@northfield.example',
		password,
		displayName: 'Grace Okafor'
	});
	const amina = await createUser({
		role: 'iro',
		username: 'amina',
		email: 'amina.rahman@northfield.example',
		password,
		displayName: 'Amina Rahman',
		aboutMe:
			'Hi! I have been an IRO for eight years. I love football, baking and my very old cat, Biscuit. My job is to make sure you are listened to.',
		contactInfo: 'Send me a message here, or ring me Monday to Friday, 9am to 5pm.',
		profileLang: 'en',
		phone: '0300 123 4501'
	});
	const ben = await createUser({
		role: 'iro',
		username: 'ben',
		email: 'ben.kowalski@northfield.example',
		password,
		displayName: 'Ben Kowalski',
		aboutMe:
			'Hello, I am Ben. I play the guitar badly and walk my dog every morning. I am here to check your plan is right for you.',
		contactInfo: 'Message me here any time. I usually reply within two working days.',
		profileLang: 'en',
		phone: '0300 123 4502'
	});

	const child = (
		fullName: string,
		preferredName: string,
		age: number,
		status: 'cared_for' | 'cp_plan',
		iroId: string,
		startMonthsAgo: number,
		languages = 'English',
		communicationNeeds = ''
	) =>
		createChild({
			iroId,
			fullName,
			preferredName,
			dateOfBirth: yearsAgo(today, age, 40 + age * 7),
			status,
			startDate: addMonths(today, -startMonthsAgo),
			languages,
			communicationNeeds
		});

	const maya = child(
		'Maya Thompson',
		'Maya',
		5,
		'cared_for',
		amina,
		4,
		'English',
		'Likes pictures and Makaton signs'
	);
	const sam = child('Samuel Carter', 'Sam', 9, 'cared_for', amina, 14);
	const zainab = child('Zainab Ahmed', 'Zainab', 12, 'cp_plan', amina, 2, 'Arabic, English');
	const kacper = child('Kacper Nowak', 'Kacper', 15, 'cared_for', ben, 30, 'Polish, English');
	const jordan = child(
		'Jordan Smith',
		'Jordan',
		17,
		'cared_for',
		ben,
		40,
		'English',
		'Dyslexia: prefers large print'
	);

	const meeting = (
		childId: string,
		kind: 'cla_review' | 'icpc' | 'rcpc',
		days: number,
		venue: string,
		mode: 'in_person' | 'online' | 'hybrid' = 'in_person'
	) =>
		scheduleMeeting({
			childId,
			kind,
			startsAt: at(now, days, days % 2 ? 16 : 10),
			venue,
			venueLang: 'en',
			mode
		});

	meeting(maya, 'cla_review', -100, 'Maya’s home');
	meeting(maya, 'cla_review', 9, 'Maya’s home');
	meeting(sam, 'cla_review', -380, 'Northfield Family Centre');
	meeting(sam, 'cla_review', -170, 'Sam’s school');
	meeting(sam, 'cla_review', 9, 'Northfield Family Centre', 'hybrid');
	meeting(zainab, 'icpc', -45, 'Northfield Civic Centre, Room 2');
	meeting(zainab, 'rcpc', 30, 'Northfield Civic Centre, Room 2', 'hybrid');
	meeting(kacper, 'cla_review', -170, 'Online', 'online');
	meeting(kacper, 'cla_review', 6, 'Kacper’s college', 'in_person');
	meeting(jordan, 'cla_review', -200, 'Jordan’s flat');

	const helen = addCarer(
		sam,
		{
			fullName: 'Helen Price',
			relationship: 'Foster carer',
			email: 'helen.price@example.com',
			phone: '07700 900123'
		},
		'en'
	);
	linkCarer(maya, helen, 'Foster carer', 'en');
	const farida = addCarer(
		zainab,
		{
			fullName: 'Farida Ahmed',
			relationship: 'Mum',
			email: '',
			phone: '07700 900456'
		},
		'en'
	);

	const accounts: Array<[string, string, 'child' | 'carer', string, string | null]> = [
		[sam, 'sam', 'child', 'Sam', 'en'],
		[zainab, 'zainab', 'child', 'Zainab', 'ar'],
		[kacper, 'kacper', 'child', 'Kacper', 'pl'],
		[jordan, 'jordan', 'child', 'Jordan', 'en'],
		[helen, 'helen', 'carer', 'Helen Price', 'en'],
		[farida, 'farida', 'carer', 'Farida Ahmed', 'ar']
	];
	for (const [recordId, username, role, displayName, language] of accounts) {
		const userId = await createUser({ role, username, password, displayName, language });
		const table = role === 'child' ? tables.children : tables.carers;
		write((tx) => tx.update(table).set({ userId }).where(eq(table.id, recordId)).run());
	}
	allocateChild(jordan, ben);
	const mayaCode = issueInvite({ childId: maya }, amina, now);

	savePhoto(amina, await avatar('AR', '#1d3c6e'));
	savePhoto(ben, await avatar('BK', '#00552e'));
	const origin = env.ORIGIN || 'http://localhost:3000';
	const user = (username: string) =>
		db().select().from(tables.users).where(eq(tables.users.username, username)).get()!;
	const say = (childId: string, carerId: string | null, author: string, body: string, minutesAgo: number) =>
		// Every demo message is written in English.
		sendMessage({
			childId,
			carerId,
			author: user(author),
			body,
			lang: 'en',
			origin,
			now: now - minutesAgo * 60_000
		});
	say(sam, null, 'sam', 'Hi Amina, can we talk about family time with my brother at my meeting?', 60 * 26);
	say(
		sam,
		null,
		'amina',
		'Hi Sam! Yes, of course. Put it on your agenda and we will talk about it first.',
		60 * 20
	);
	say(
		sam,
		helen,
		'helen',
		'Sam has been a bit worried about his new school. Could you mention it at the review?',
		60 * 3
	);
	say(kacper, null, 'kacper', 'Can my meeting be after college please?', 45);

	// After the meeting: past reviews written up as held on the day they were booked for (so the
	// timescales stay as they were); Sam's last one with who came and how he took part. Jordan's last
	// review waits to be written up.
	for (const childId of [maya, sam, zainab, kacper]) {
		const past = meetingsOfChild(childId).filter((m) => m.startsAt <= now);
		for (const m of past) {
			const last = childId === sam && m === past[past.length - 1];
			writeUpReview(
				childId,
				m.id,
				{
					held: true,
					heldOn: londonDate(m.startsAt),
					childCame: true,
					carerIds: childId === sam ? [helen] : [],
					socialWorker: true,
					others: last ? ['Teacher'] : [],
					code: childId === maya ? 'PN3' : 'PN1',
					chaired: last ? 'chaired' : 'no',
					spokeBefore: last ? { on: londonDate(m.startsAt - 7 * 86_400_000), how: 'in_person' } : null
				},
				childId === kacper ? ben : amina,
				m.startsAt + 2 * 86_400_000
			);
		}
	}

	// After the meeting: Sam's and Kacper's last reviews have outcomes, decisions and a sent letter.
	seedOutcomes(now, { sam, amina, kacper, ben });
	// "How was my meeting?": Sam and Helen said how Sam's last review went.
	demoFeedback({ sam, helen, samUser: user('sam').id, helenUser: user('helen').id });
	// The oversight log: concerns Amina raised about Sam's plan, and one of Ben's about Kacper's, overdue.
	demoConcerns(now, { sam, amina, kacper, ben });
	// Asking for a format (issue 13): Zainab asked for her letters as audio, in Arabic; still open.
	askForFormat(
		{
			childId: zainab,
			by: { id: user('zainab').id, role: 'child' },
			kind: 'audio',
			document: 'letter',
			language: 'ar',
			languageTyped: null,
			note: '',
			noteLang: null
		},
		now - 2 * 86_400_000
	);

	console.log(
		[
			'',
			'Voicebox demo data is ready. Sign in at /signin with any of these (password for all:',
			`  "${password}"):`,
			'  manager   service manager (Grace Okafor)',
			'  amina     IRO (Amina Rahman): Maya 5, Sam 9, Zainab 12',
			'  ben       IRO (Ben Kowalski): Kacper 15, Jordan 17',
			'  sam       child, 9, cared for',
			'  zainab    child, 12, child protection plan (Arabic)',
			'  kacper    child, 15, cared for (Polish)',
			'  jordan    child, 17, cared for (review overdue)',
			'  helen     foster carer of Sam and Maya',
			'  farida    Zainab’s mum (Arabic)',
			`Maya (5) has no account yet: join at /join with the invite code ${mayaCode}`,
			'Emails: set SMTP_URL to send them; without it they wait in the outbox table of the',
			`  database (${env.DATABASE_PATH}) and each one is logged here as "[outbox]".`,
			''
		].join('\n')
	);
}

/**
 * After the meeting (issue 9): Sam's last review (held) has what happened to each thing on his
 * agenda, decisions (one for him and his carers, one for him, one for the professionals, one overdue)
 * and a letter he has been sent; Kacper's has a decision shared with carers and a letter in Polish.
 */
function seedOutcomes(now: number, ids: { sam: string; amina: string; kacper: string; ben: string }) {
	const lastHeld = (childId: string, iroId: string) => {
		const past = db()
			.select()
			.from(tables.meetings)
			.where(eq(tables.meetings.childId, childId))
			.all()
			.filter((m) => m.startsAt < now && m.cancelledAt === null)
			.sort((a, b) => b.startsAt - a.startsAt)[0];
		if (past.writtenUpAt === null || past.heldOn === null) {
			write((tx) =>
				tx
					.update(tables.meetings)
					.set({ heldOn: londonDate(past.startsAt), writtenUpAt: past.startsAt + DAY, writtenUpBy: iroId })
					.where(eq(tables.meetings.id, past.id))
					.run()
			);
		}
		const child = db().select().from(tables.children).where(eq(tables.children.id, childId)).get()!;
		const meeting = db().select().from(tables.meetings).where(eq(tables.meetings.id, past.id)).get()!;
		return { child, meeting, heldOn: meeting.heldOn ?? londonDate(past.startsAt) };
	};

	const sam = lastHeld(ids.sam, ids.amina);
	const item = (text: string, raiser: 'me' | 'iro') =>
		addAgendaItem(
			{ childId: ids.sam, meetingId: sam.meeting.id, text, lang: 'en', raiser, visibility: 'everyone' },
			sam.meeting.startsAt - 7 * DAY
		);
	const brother = item('Seeing my brother more', 'me');
	const football = item('Joining the football club', 'iro');
	const texts: Record<string, string> = {};
	if (brother.ok) texts[brother.id] = 'We agreed you will see Leo every other Saturday, starting next month.';
	if (football.ok)
		texts[football.id] = 'Helen will take you to the club on Tuesdays. The council will pay for your kit.';
	saveOutcomes(sam.meeting.id, ids.amina, texts, sam.meeting.startsAt + DAY);
	const decide = (
		text: string,
		whoRole: 'social_worker' | 'carer' | 'iro' | 'school',
		whoName: string,
		dueInDays: number,
		visibleToChild: boolean,
		sharedWithCarers: boolean
	) =>
		addDecision(
			sam.meeting,
			ids.amina,
			{ text, whoRole, whoName, dueOn: addDays(sam.heldOn, dueInDays), visibleToChild, sharedWithCarers },
			sam.meeting.startsAt + DAY
		);
	const familyTime = decide(
		'Arrange family time with Leo every other Saturday',
		'social_worker',
		'Priya Shah',
		30,
		true,
		true
	);
	decide('Buy football kit and pay the club fees', 'carer', 'Helen Price', 21, true, true);
	decide('Ask school about extra help with reading', 'school', '', 400, true, false);
	decide('Check the placement plan is updated after the review', 'iro', '', 14, false, false);
	markDone(
		familyTime,
		ids.amina,
		'First family time took place; Priya confirmed the plan.',
		sam.meeting.startsAt + 20 * DAY
	);
	sendLetter(
		sam.meeting,
		sam.child,
		ids.amina,
		{
			...emptyWords(),
			thanks: 'You told us so clearly what matters to you, Sam. Well done!',
			contact: 'I am in the office on Tuesdays and Thursdays.'
		},
		'en',
		sam.meeting.startsAt + 2 * DAY
	);

	const kacper = lastHeld(ids.kacper, ids.ben);
	addDecision(
		kacper.meeting,
		ids.ben,
		{
			text: 'Find a Polish-speaking mentor at college',
			whoRole: 'social_worker',
			whoName: '',
			dueOn: addDays(kacper.heldOn, 60),
			visibleToChild: true,
			sharedWithCarers: true
		},
		kacper.meeting.startsAt + DAY
	);
	sendLetter(kacper.meeting, kacper.child, ids.ben, emptyWords(), 'pl', kacper.meeting.startsAt + 2 * DAY);
}

/**
 * The oversight log: for Sam, a concern about family time resolved at the informal stage and an open
 * one about school moved to formal stage 1; for Kacper, one about his placement, overdue.
 */
function demoConcerns(now: number, ids: { sam: string; amina: string; kacper: string; ben: string }) {
	const today = londonDate(now);
	// Each raised at the informal stage, `daysAgo` days ago.
	const raise = (
		childId: string,
		by: string,
		daysAgo: number,
		concern: Omit<Parameters<typeof raiseConcern>[2], 'stage' | 'raisedOn'>
	) =>
		concernOfChild(
			childId,
			raiseConcern(
				childId,
				by,
				{ ...concern, stage: 'informal', raisedOn: addDays(today, -daysAgo) },
				now - daysAgo * DAY
			)
		)!;
	const social = { raisedWithRole: 'social_worker', raisedWithName: 'Priya Shah' } as const;
	const family = raise(ids.sam, ids.amina, 70, {
		subject: 'family_time',
		detail: 'Family time with Leo keeps being cancelled at short notice.',
		...social
	});
	resolveConcern(
		family,
		ids.amina,
		{ resolvedOn: addDays(today, -66), resolution: 'A fixed time every other Saturday was agreed.' },
		now - 66 * DAY
	);
	const school = raise(ids.sam, ids.amina, 14, {
		subject: 'education',
		detail: 'The personal education plan has not been updated since March.',
		...social
	});
	escalateConcern(
		school,
		ids.amina,
		{ startedOn: addDays(today, -3), note: 'No answer at the informal stage.' },
		now - 3 * DAY
	);
	raise(ids.kacper, ids.ben, 30, {
		subject: 'placement',
		detail: 'Kacper has asked to move nearer his college; no plan yet.',
		raisedWithRole: 'team_manager',
		raisedWithName: 'Tom Hughes'
	});
}

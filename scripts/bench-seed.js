// The large council for `npm run bench` (scripts/bench.js): added to a database that already has the
// demo council (so the demo people sign in with the demo password and see the large council's data).
// Batched inserts with prepared statements, straight against the schema, in one transaction a table.
// Ids are sequential here (production ids are random): only insert speed differs.
import Database from 'better-sqlite3';

const DAY = 86_400_000;
const CODES = ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'];
const CHAIRED = ['chaired', 'co_chaired', 'no', 'no', 'no'];
const ANSWERS = ['yes', 'yes', 'partly', 'no'];
const FIRST = ['Alex', 'Sam', 'Jo', 'Ali', 'Mia', 'Noah', 'Ava', 'Leo', 'Zara', 'Kai', 'Ella', 'Omar'];
const LAST = ['Smith', 'Khan', 'Jones', 'Nowak', 'Brown', 'Patel', 'Evans', 'Ahmed', 'Wilson', 'Green'];

/** A small, repeatable random number generator (the same council every run). */
function random(seed) {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * Seeds `children` children with `iros` IROs (plus the demo's), `messages` messages over three years,
 * `reviewYears` years of six-monthly reviews held and written up (participation codes, the child's
 * feedback on a third), and one upcoming meeting each. The demo IRO "amina" gets `aminaCaseload` in all;
 * the demo child "sam" gets a thread of `samThread` messages. Returns counts and the time it took.
 */
export function seedLargeCouncil(path, options) {
	const {
		children: childCount,
		iros: iroCount,
		messages: messageCount,
		reviewYears,
		aminaCaseload = 100,
		samThread = 200
	} = options;
	const started = performance.now();
	const rnd = random(14);
	const pick = (list) => list[Math.floor(rnd() * list.length)];
	const now = Date.now();
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = OFF');
	sqlite.pragma('foreign_keys = OFF');
	sqlite.pragma('cache_size = -200000');

	const one = (sql, ...args) => sqlite.prepare(sql).get(...args);
	const amina = one(`select id, password_hash as hash from users where username = 'amina'`);
	const samUser = one(`select id, password_hash as hash from users where username = 'sam'`);
	const sam = one(`select id from children where user_id = ?`, samUser.id);
	if (!amina || !sam) throw new Error('the demo council must be seeded first');

	// IROs.
	const insertUser = sqlite.prepare(
		`insert into users (id, role, username, email, password_hash, display_name, created_at, password_changed_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const iroIds = [];
	sqlite.transaction(() => {
		for (let i = 0; i < iroCount; i++) {
			const id = `biro${String(i).padStart(6, '0')}`;
			insertUser.run(
				id,
				'iro',
				`iro${i}`,
				`iro${i}@bench.example`,
				amina.hash,
				`${pick(FIRST)} ${pick(LAST)} (IRO ${i})`,
				now,
				now
			);
			iroIds.push(id);
		}
	})();

	// Children, each with an account (so each can write messages), cared for or on a plan.
	const insertChild = sqlite.prepare(
		`insert into children (id, user_id, iro_id, full_name, preferred_name, date_of_birth, status, start_date, languages, created_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, 'English', ?)`
	);
	const childRows = [];
	sqlite.transaction(() => {
		const extraForAmina = Math.max(0, aminaCaseload - 3);
		for (let i = 0; i < childCount; i++) {
			const id = `bchild${String(i).padStart(7, '0')}`;
			const userId = `bcu${String(i).padStart(7, '0')}`;
			const first = pick(FIRST);
			const name = `${first} ${pick(LAST)} ${i}`;
			insertUser.run(userId, 'child', `child${i}`, null, samUser.hash, first, now, now);
			const iroId = i < extraForAmina ? amina.id : iroIds[i % iroIds.length];
			const age = 4 + Math.floor(rnd() * 14);
			const status = rnd() < 0.7 ? 'cared_for' : 'cp_plan';
			const start = now - (reviewYears * 365 + 30) * DAY;
			insertChild.run(
				id,
				userId,
				iroId,
				name,
				first,
				isoDate(now - age * 365.25 * DAY - rnd() * 300 * DAY),
				status,
				isoDate(start),
				now
			);
			childRows.push({ id, userId, iroId, status, start });
		}
	})();

	// Reviews: six-monthly for `reviewYears` years, held and written up, with a participation code and
	// (a third) the child's feedback; and one upcoming meeting each (within a month for amina's).
	const insertMeeting = sqlite.prepare(
		`insert into meetings (id, child_id, kind, starts_at, venue, mode, held_on, written_up_at, written_up_by, created_at)
		 values (?, ?, ?, ?, 'Bench House', 'in_person', ?, ?, ?, ?)`
	);
	const insertParticipation = sqlite.prepare(
		`insert into review_participation (meeting_id, code, chaired, spoke_before_on, spoke_before_how, updated_at)
		 values (?, ?, ?, ?, ?, ?)`
	);
	const insertFeedback = sqlite.prepare(
		`insert into feedback (id, meeting_id, child_id, respondent, version, answers, change, created_at)
		 values (?, ?, ?, 'child', 'teen', ?, ?, ?)`
	);
	let meetingCount = 0;
	sqlite.transaction(() => {
		for (const c of childRows) {
			const reviews = reviewYears * 2;
			const kindHeld = c.status === 'cp_plan' ? 'rcpc' : 'cla_review';
			for (let k = 0; k < reviews; k++) {
				const id = `bm${String(meetingCount++).padStart(9, '0')}`;
				const startsAt = c.start + (20 + k * 182 + Math.floor(rnd() * 20)) * DAY;
				if (startsAt > now - DAY) break;
				const held = isoDate(startsAt);
				insertMeeting.run(id, c.id, kindHeld, startsAt, held, startsAt + DAY, c.iroId, startsAt - 30 * DAY);
				const spoke = rnd() < 0.6;
				insertParticipation.run(
					id,
					pick(CODES),
					pick(CHAIRED),
					spoke ? isoDate(startsAt - 7 * DAY) : null,
					spoke ? 'in_person' : null,
					startsAt + DAY
				);
				if (rnd() < 0.33) {
					const answers = JSON.stringify({
						listened: pick(ANSWERS),
						decided: pick(ANSWERS),
						timePlace: pick(ANSWERS),
						ranMeeting: pick(ANSWERS)
					});
					insertFeedback.run(
						`bf${id}`,
						id,
						c.id,
						answers,
						rnd() < 0.2 ? 'More time to talk.' : '',
						startsAt + 2 * DAY
					);
				}
			}
			const soon = c.iroId === amina.id ? 1 + rnd() * 30 : 1 + rnd() * 180;
			const next = now + Math.floor(soon) * DAY;
			insertMeeting.run(
				`bm${String(meetingCount++).padStart(9, '0')}`,
				c.id,
				'cla_review',
				next,
				null,
				null,
				null,
				now
			);
		}
	})();

	// One conversation a child, with its messages over three years; sam's own thread too.
	const insertConversation = sqlite.prepare(
		`insert into conversations (id, key, child_id, last_message_at, created_at) values (?, ?, ?, ?, ?)`
	);
	const insertMessage = sqlite.prepare(
		`insert into messages (id, conversation_id, author_id, from_staff, body, lang, urgent, created_at, read_at)
		 values (?, ?, ?, ?, ?, 'en', ?, ?, ?)`
	);
	const bodies = [
		'Hi, can we talk about my contact with my brother before the meeting?',
		'Thank you for your message. I will come and see you on Thursday after school.',
		'I want to stay at my school next year. Can you tell them please?',
		'Of course. I have written that down for the review.',
		'Is my social worker coming to the meeting?'
	];
	const samConversation =
		one(`select id from conversations where key = ?`, `${sam.id}:child`) ??
		(() => {
			const id = 'bconv-sam';
			insertConversation.run(id, `${sam.id}:child`, sam.id, now, now - 3 * 365 * DAY);
			return { id };
		})();
	const threads = [
		{ conversationId: samConversation.id, childUser: samUser.id, iroId: amina.id, n: samThread }
	];
	const perChild = Math.max(1, Math.floor((messageCount - samThread) / childRows.length));
	let messageId = 0;
	let written = 0;
	const span = 3 * 365 * DAY;
	const writeThread = (t) => {
		let last = 0;
		const unreadTail = rnd() < 0.2;
		const urgentTail = rnd() < 0.01;
		for (let k = 0; k < t.n; k++) {
			const at = now - span + Math.floor(((k + rnd()) / t.n) * span) - DAY;
			const fromStaff = k % 2 === 1;
			const tail = k === t.n - 1 && !fromStaff;
			const read = tail && unreadTail ? null : at + 3_600_000;
			insertMessage.run(
				`bmsg${String(messageId++).padStart(9, '0')}`,
				t.conversationId,
				fromStaff ? t.iroId : t.childUser,
				fromStaff ? 1 : 0,
				bodies[k % bodies.length],
				tail && urgentTail ? 1 : 0,
				at,
				read
			);
			last = at;
			written++;
		}
		return last;
	};
	const updateLast = sqlite.prepare(`update conversations set last_message_at = ? where id = ?`);
	sqlite.transaction(() => {
		updateLast.run(writeThread(threads[0]), samConversation.id);
		for (let i = 0; i < childRows.length; i++) {
			const c = childRows[i];
			const conversationId = `bconv${String(i).padStart(7, '0')}`;
			const extra = i < (messageCount - samThread) % childRows.length ? 1 : 0;
			insertConversation.run(conversationId, `${c.id}:child`, c.id, now, now - span);
			const last = writeThread({ conversationId, childUser: c.userId, iroId: c.iroId, n: perChild + extra });
			updateLast.run(last, conversationId);
		}
	})();
	sqlite.pragma('optimize');
	sqlite.exec('analyze');
	sqlite.close();
	return {
		children: childCount,
		iros: iroCount,
		meetings: meetingCount,
		messages: written,
		seconds: (performance.now() - started) / 1000
	};
}

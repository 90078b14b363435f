/**
 * Grammatical gender in what a child reads (issue 11): which strings are child-facing, and the words
 * that would address or describe the child as a boy or a girl in each language whose grammar marks it.
 * A child-facing string that contains one must either be written neutrally instead or carry a `_female`
 * variant (its base key stays the least-marked form; a child who asked to be addressed as a girl gets
 * `_female`, as a boy `_male` where there is one, otherwise the base).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '../../../locales');

export function flatten(value: unknown, prefix = '', out: Record<string, string> = {}) {
	for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
		if (v && typeof v === 'object') flatten(v, `${prefix}${k}.`, out);
		else out[`${prefix}${k}`] = String(v);
	}
	return out;
}

export function loadLocale(lng: string) {
	const out: Record<string, string> = {};
	for (const file of readdirSync(join(DIR, lng)))
		Object.assign(
			out,
			flatten(JSON.parse(readFileSync(join(DIR, lng, file), 'utf8')), `${file.replace(/\.json$/, '')}:`)
		);
	return out;
}

/** Namespaces and key prefixes a child reads (their pages, letters to them, signing in, settings). */
export const CHILD_FACING: Record<string, string[]> = {
	child: [''],
	say: [''],
	prepare: [''],
	address: [''],
	feedback: ['changeHint', 'errors.', 'child.'],
	messages: [
		'you',
		'yourIro',
		'when',
		'threadLabel',
		'read',
		'notRead',
		'empty',
		'write',
		'send',
		'hint_',
		'noDelete',
		'sent',
		'replyTime',
		'child.',
		'safe.'
	],
	outcomes: ['letter.', 'child.'],
	voice: ['recorder.', 'say.', 'message.kept', 'message.label', 'errors.'],
	letter: ['child.', 'stepsTitle', 'step', 'codeLabel', 'expiry', 'contactTitle', 'phone', 'help', 'signOff'],
	common: [
		'skipToContent',
		'back',
		'passwordChanged',
		'nav.',
		'quickExit.',
		'settings.',
		'display.',
		'help.',
		'landing.child',
		'timeout.ended'
	],
	auth: ['signIn.', 'join.', 'password.', 'notices.child', 'notices.title', 'notices.continue'],
	errors: ['summaryTitle', 'tooLong', 'signIn.', 'join.', 'username.', 'password.', 'notSaved', 'page.']
};

export function isChildFacing(key: string) {
	const [ns, rest] = key.split(':');
	return (CHILD_FACING[ns] ?? []).some((prefix) => rest.startsWith(prefix));
}

const word = (words: string) => new RegExp(`(?<!\\p{L})(${words})(?!\\p{L})`, 'iu');

/** Words that mark the child's gender (in "you" or in the child's own voice), per language. */
export const GENDER_MARKERS: Record<string, RegExp[]> = {
	pl: [
		/\p{L}(łeś|łaś|łbyś|łabyś|łem|łam|łbym|łabym)(?!\p{L})/u,
		/\((a|-aś|-am|-a)\)|łeś\/|\/\p{L}*łaś/u,
		word(
			'sam|sama|gotowy|gotowa|pewny|pewna|pewien|szczęśliwy|szczęśliwa|nieszczęśliwy|nieszczęśliwa|smutny|smutna|zmartwiony|zmartwiona|zły|wesoły|wesoła|przestraszony|przestraszona|bezpieczny|bezpieczna|zdrowy|zdrowa|zadowolony|zadowolona|mógł|mogła|zalogowany|zalogowana|chciałbyś|chciałabyś|sam\\(a\\)'
		)
	],
	es: [
		word(
			'listo|listos|bienvenido|bienvenidos|seguro|segura|contento|contenta|preocupado|preocupada|enfadado|enfadada|tranquilo|tranquila|cansado|cansada|asustado|asustada|obligado|obligada|yo solo|yo sola|tú solo|tú sola|sano|sana|nervioso|nerviosa|orgulloso|orgullosa|conectado|conectada|invitado|invitada|o/a|a/o'
		),
		/\p{L}o\/a(?!\p{L})|\(a\)/u
	],
	fr: [
		word(
			'prêt|prête|sûr|sûre|content|contente|inquiet|fâché|fâchée|seul|seule|bienvenu|arrêté|arrêtée|connecté|connectée|déconnecté|déconnectée|obligé|obligée|heureux|heureuse|malheureux|malheureuse|invité|invitée|inscrit|inscrite|allé|allée|venu|venue|prêt\\(e\\)'
		),
		/\p{L}\(e\)|\p{L}·e(?!\p{L})/u
	],
	hi: [
		/(सकते|सकती|चाहते|चाहती|ोगे|ोगी|ेंगे|ेंगी|रहे हो|रही हो|ते हो|ती हो|गए हो|गई हो|ाए हैं|ाई हैं|ते हैं|ती हैं|तैयार हो|भूल गए|रहे थे|आए हो|आई हो|ता हूँ|ती हूँ|ूँगा|ूँगी|ऊँगा|ऊँगी|चुके हैं|चुकी हैं|एँगे|एँगी|एंगे|एंगी|कितने खुश(?![\p{L}\p{M}])|कितनी खुश(?![\p{L}\p{M}]))/u
	],
	ur: [
		/(سکتے|سکتی|چاہتے|چاہتی|یں گے|یں گی|و گے|و گی(?!\p{L})|رہے|رہی|تے ہیں|تی ہیں|تے ہو|تی ہو|ئے ہیں|ئی ہیں|گئے|گئی|تا ہوں|تی ہوں|وں گا|چکے ہیں|چکی ہیں|کتنے خوش(?!\p{L})|کتنی خوش(?!\p{L}))/u
	],
	pa: [
		/(ਸਕਦੇ|ਸਕਦੀ|ਚਾਹੁੰਦੇ|ਚਾਹੁੰਦੀ|ੋਗੇ|ੋਗੀ|ਾਂਗੇ|ਰਹੇ ਹੋ|ਰਹੀ ਹੋ|ਦੇ ਹੋ(?![\p{L}\p{M}])|ਦੀ ਹੋ(?![\p{L}\p{M}])|ਗਏ ਹੋ|ਗਈ ਹੋ|ਰਹੇ ਸੀ|ਆਏ ਹੋ|ਭੁੱਲ ਗਏ|ਦਾ ਹਾਂ|ਦੀ ਹਾਂ|ਾਂਗਾ|ਾਂਗੀ|ਚੁੱਕੇ ਹੋ|ਚੁੱਕੀ ਹੋ|ਕਿੰਨੇ ਖੁਸ਼(?![\p{L}\p{M}])|ਕਿੰਨੀ ਖੁਸ਼(?![\p{L}\p{M}]))/u
	],
	ar: [
		word(
			'مهمّ|مهم|جاهز|جاهزًا|متأكد|متأكدًا|سعيد|سعيدًا|حزين|قلق|قلقًا|غاضب|آمن|آمنًا|وحيد|مستعد|مستعدًا|مرحبًا بك|اكتب|اختر|أخبر|اذهب|أكمل|استعدّ|استعد|أرسل|تحدّث|تحدث|اضغط|ارجع|عُد|عد|اقرأ|اطلب|انتظر|جرّب|جرب|غيّر|اتصل|ادخل|أدخل|تريد|تحب|تحبّ|تستطيع|تشعر|تكون|تكتب|تختار|تقول|ترسل|تغيّر|تغير|تطلب|تحتاج|تفعل|تتحدث|تتحدّث|تعرف|تود|تودّ|تذهب|ترغب|تبدأ|تنتهي|تفكر|تتذكر|ستدير|تدير|ستحضر|تحضر|تساعد|تفضّل|تفضل|تضيف|تستعد|تستعدّ|تخبر|تقع|ترى|تراه|تعود|أضف|احفظ|احذف|انقل|قل|اسأل|ضع|فكّر|فكر|حاول|اعرض|اطبع|ألغِ|انضم|انتقل|استخدم|احصل|تحقّق|تأكد|فتأكد|فاطلب|فأخبر|تعيش|تتمنى|تتمنّى|تقود|ترسلها|ستتحدث|تنضم|تتواصل|تواصل|تعرفه|تجد|ستبقى|مسجّلًا|تختر|تستطع|تكبر|تتذكرها|ستستخدمه|أبقِه'
		)
	]
};

/** Languages whose child-facing words change with the child's gender: only these may carry variants. */
export const GENDERED_LANGUAGES = Object.keys(GENDER_MARKERS);

/** Is this text marked for gender (after removing placeholders)? */
export function gendered(lng: string, text: string) {
	const plain = text.replace(/{{\s*\w+\s*}}/g, '');
	return (GENDER_MARKERS[lng] ?? []).some((re) => re.test(plain));
}

/** Every word in this text that marks gender (after removing placeholders), each once. */
export function markedWords(lng: string, text: string) {
	const plain = text.replace(/{{\s*\w+\s*}}/g, '');
	const found = (GENDER_MARKERS[lng] ?? []).flatMap((re) =>
		[...plain.matchAll(new RegExp(re.source, `${re.flags}g`))].map((m) => m[0])
	);
	return [...new Set(found)];
}

/**
 * Display settings: applied as data-* attributes on <html> by the server, so there is no flash and no
 * script is needed. Stored on the user (signed in) or in a cookie (visitors) as a short query string.
 */
export const DISPLAY_OPTIONS = {
	text: ['normal', 'large', 'xlarge'],
	contrast: ['normal', 'high'],
	font: ['standard', 'dyslexic'],
	spacing: ['normal', 'wide'],
	motion: ['normal', 'reduce']
} as const;

type Options = typeof DISPLAY_OPTIONS;
export type DisplaySetting = keyof Options;
export type DisplaySettings = { [K in DisplaySetting]: Options[K][number] };

export const DEFAULT_DISPLAY: DisplaySettings = {
	text: 'normal',
	contrast: 'normal',
	font: 'standard',
	spacing: 'normal',
	motion: 'normal'
};

const SETTINGS = Object.keys(DISPLAY_OPTIONS) as DisplaySetting[];

function pick<K extends DisplaySetting>(key: K, value: unknown): DisplaySettings[K] {
	const allowed = DISPLAY_OPTIONS[key] as readonly string[];
	return (allowed.includes(value as string) ? value : DEFAULT_DISPLAY[key]) as DisplaySettings[K];
}

/** Reads any record of strings (form data, parsed cookie); unknown values fall back to defaults. */
export function readDisplay(source: (key: string) => unknown): DisplaySettings {
	const out = { ...DEFAULT_DISPLAY };
	for (const key of SETTINGS) (out as Record<string, string>)[key] = pick(key, source(key));
	return out;
}

export function parseDisplay(stored: string | null | undefined): DisplaySettings {
	const params = new URLSearchParams(stored ?? '');
	return readDisplay((key) => params.get(key));
}

/** Only non-default values are kept, so the default is the empty string. */
export function serialiseDisplay(settings: DisplaySettings): string {
	const params = new URLSearchParams();
	for (const key of SETTINGS) if (settings[key] !== DEFAULT_DISPLAY[key]) params.set(key, settings[key]);
	return params.toString();
}

export function displayAttributes(settings: DisplaySettings): string {
	return SETTINGS.map((key) => `data-${key}="${settings[key]}"`).join(' ');
}

// Before the end-to-end tests: stop at once, with one line, when the browser they drive is missing.
import { accessSync, constants } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
try {
	accessSync(path, constants.X_OK);
} catch {
	console.error(
		`End-to-end tests need Chromium at ${path}: install it with "apt-get install chromium" (or set CHROMIUM_PATH).`
	);
	process.exit(1);
}

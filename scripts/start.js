// Production entry point: the adapter-node server, with defaults for a council's single machine.
// BODY_SIZE_LIMIT is raised so that very long answers get a friendly "too long" message, not a 413.
process.env.BODY_SIZE_LIMIT ??= '4M';
process.env.PORT ??= '3000';
console.log(`Voicebox is starting on ${process.env.ORIGIN || `http://localhost:${process.env.PORT}`}`);
const { pathToFileURL } = await import('node:url');
const { resolve } = await import('node:path');
await import(pathToFileURL(resolve(process.env.BUILD_DIR || 'build', 'index.js')).href);

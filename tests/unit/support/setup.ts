import { vi } from 'vitest';

/**
 * Every unit test file gets its own in-memory database (files run in separate module graphs), and
 * reads settings from process.env as the server does. A file that needs other settings sets them
 * in process.env before it imports the server modules.
 */
process.env.DATABASE_PATH = ':memory:';
vi.mock('$env/dynamic/private', () => ({ env: process.env }));

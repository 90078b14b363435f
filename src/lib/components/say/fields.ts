/**
 * Field names of a "My say" page, shared by the page and the server-side form parser (kept apart
 * from src/lib/forms/say.ts so that the browser never loads zod).
 */
export const whoField = (questionId: string) => `${questionId}-who`;

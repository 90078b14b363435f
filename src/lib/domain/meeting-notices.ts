/**
 * What the child (a notice on their home page, a line in their messages) and their carers (an email) are
 * told when a meeting is moved or cancelled. Stored as a kind and its parameters and put into words when
 * shown, in the reader's language.
 */
export const MEETING_CHANGE_KINDS = ['moved', 'cancelled'] as const;
export type MeetingChangeKind = (typeof MEETING_CHANGE_KINDS)[number];

/** How long the child's home page keeps showing a change (calendar days). */
export const CHANGE_NOTICE_DAYS = 14;

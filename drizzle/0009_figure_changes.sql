CREATE TABLE `figure_changes` (
	`id` integer PRIMARY KEY NOT NULL,
	`count` integer DEFAULT 0 NOT NULL
);--> statement-breakpoint
-- Hand-written: the one row of the change counter, and the triggers that add one to it on every write
-- to what the figures kept between requests are counted from (server/figure-cache.ts, FIGURE_TRIGGERS).
-- Users: only the columns the figures and the IRO list read (not passwords, "about me"). Consultations and support
-- requests: not a draft's words. Messages: only urgent ones (the reports' urgent figures and the
-- caseload's unread urgent flag); conversations: when one moves or goes. Sessions, read marks of other
-- messages, the audit trail, the outbox and sign-in attempts have none.
INSERT INTO `figure_changes` (`id`, `count`) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `figures_children_insert` AFTER INSERT ON `children`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_children_update` AFTER UPDATE ON `children`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_children_delete` AFTER DELETE ON `children`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_past_allocations_insert` AFTER INSERT ON `past_allocations`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_past_allocations_update` AFTER UPDATE ON `past_allocations`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_past_allocations_delete` AFTER DELETE ON `past_allocations`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_meetings_insert` AFTER INSERT ON `meetings`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_meetings_update` AFTER UPDATE ON `meetings`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_meetings_delete` AFTER DELETE ON `meetings`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_review_participation_insert` AFTER INSERT ON `review_participation`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_review_participation_update` AFTER UPDATE ON `review_participation`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_review_participation_delete` AFTER DELETE ON `review_participation`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_feedback_insert` AFTER INSERT ON `feedback`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_feedback_update` AFTER UPDATE ON `feedback`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_feedback_delete` AFTER DELETE ON `feedback`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_concerns_insert` AFTER INSERT ON `concerns`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_concerns_update` AFTER UPDATE ON `concerns`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_concerns_delete` AFTER DELETE ON `concerns`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_format_requests_insert` AFTER INSERT ON `format_requests`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_format_requests_update` AFTER UPDATE ON `format_requests`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_format_requests_delete` AFTER DELETE ON `format_requests`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_users_insert` AFTER INSERT ON `users`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_users_update` AFTER UPDATE OF `role`, `username`, `email`, `display_name`, `language`, `display`, `deactivated_at` ON `users`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_users_delete` AFTER DELETE ON `users`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_consultations_insert` AFTER INSERT ON `consultations`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_consultations_update` AFTER UPDATE OF `meeting_id`, `child_id`, `sent_at` ON `consultations`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_consultations_delete` AFTER DELETE ON `consultations`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_support_requests_insert` AFTER INSERT ON `support_requests`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_support_requests_update` AFTER UPDATE OF `meeting_id`, `child_id`, `kind` ON `support_requests`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_support_requests_delete` AFTER DELETE ON `support_requests`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_conversations_update` AFTER UPDATE OF `child_id` ON `conversations`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_conversations_delete` AFTER DELETE ON `conversations`
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_messages_insert` AFTER INSERT ON `messages` WHEN NEW.`urgent` = 1
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_messages_update` AFTER UPDATE OF `conversation_id`, `from_staff`, `urgent`, `created_at`, `read_at`, `acknowledged_at` ON `messages`
	WHEN OLD.`urgent` = 1 OR NEW.`urgent` = 1
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `figures_messages_delete` AFTER DELETE ON `messages` WHEN OLD.`urgent` = 1
BEGIN UPDATE `figure_changes` SET `count` = `count` + 1 WHERE `id` = 1; END;

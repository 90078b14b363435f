CREATE TABLE `form_submissions` (
	`token` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`result` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `form_submissions_created_idx` ON `form_submissions` (`created_at`);--> statement-breakpoint
ALTER TABLE `messages` ADD `acknowledged_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `acknowledged_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `messages` ADD `acknowledgement_note` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `escalated_at` integer;
CREATE TABLE `account_notices` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`by_user_id` text,
	`created_at` integer NOT NULL,
	`seen_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `account_notices_user_idx` ON `account_notices` (`user_id`);--> statement-breakpoint
CREATE TABLE `form_submissions` (
	`token` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`result` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `form_submissions_created_idx` ON `form_submissions` (`created_at`);--> statement-breakpoint
ALTER TABLE `invites` ADD `purpose` text DEFAULT 'invite' NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `acknowledged_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `acknowledged_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `messages` ADD `acknowledgement_note` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `escalated_at` integer;--> statement-breakpoint
ALTER TABLE `support_requests` ADD `meeting_id` text REFERENCES meetings(id);--> statement-breakpoint
-- Hand-written backfill: each existing support request belongs to the child's first not-cancelled meeting starting after it was made.
UPDATE `support_requests` SET `meeting_id` = (
	SELECT `m`.`id` FROM `meetings` `m`
	WHERE `m`.`child_id` = `support_requests`.`child_id`
		AND `m`.`cancelled_at` IS NULL
		AND `m`.`starts_at` > `support_requests`.`created_at`
	ORDER BY `m`.`starts_at` ASC
	LIMIT 1
) WHERE `meeting_id` IS NULL;

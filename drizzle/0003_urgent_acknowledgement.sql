ALTER TABLE `messages` ADD `acknowledged_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `acknowledged_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `messages` ADD `acknowledgement_note` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `escalated_at` integer;
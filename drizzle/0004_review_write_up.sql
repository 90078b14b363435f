ALTER TABLE `meetings` ADD `held_on` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `not_held_reason` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `written_up_at` integer;--> statement-breakpoint
ALTER TABLE `meetings` ADD `written_up_by` text;
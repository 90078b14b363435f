ALTER TABLE `children` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `children` ADD `closed_on` text;--> statement-breakpoint
ALTER TABLE `children` ADD `closed_reason` text;--> statement-breakpoint
ALTER TABLE `children` ADD `closed_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `users` ADD `deactivated_at` integer;
CREATE TABLE `concern_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`concern_id` text NOT NULL,
	`stage` text NOT NULL,
	`started_on` text NOT NULL,
	`due_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `concern_steps_concern_idx` ON `concern_steps` (`concern_id`);--> statement-breakpoint
CREATE TABLE `concerns` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`subject` text NOT NULL,
	`detail` text NOT NULL,
	`raised_with_role` text NOT NULL,
	`raised_with_name` text DEFAULT '' NOT NULL,
	`raised_on` text NOT NULL,
	`stage` text NOT NULL,
	`stage_started_on` text NOT NULL,
	`due_on` text NOT NULL,
	`resolved_on` text,
	`resolution` text,
	`created_at` integer NOT NULL,
	`created_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `concerns_child_idx` ON `concerns` (`child_id`,`resolved_on`);
CREATE TABLE `meeting_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`child_id` text NOT NULL,
	`kind` text NOT NULL,
	`from_starts_at` integer NOT NULL,
	`to_starts_at` integer,
	`by_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_changes_child_idx` ON `meeting_changes` (`child_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `review_attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`who` text NOT NULL,
	`carer_id` text,
	`role` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`carer_id`) REFERENCES `carers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `review_attendance_meeting_idx` ON `review_attendance` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `review_participation` (
	`meeting_id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`chaired` text NOT NULL,
	`spoke_before_on` text,
	`spoke_before_how` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);

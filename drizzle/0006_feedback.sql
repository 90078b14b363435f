CREATE TABLE `feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`child_id` text NOT NULL,
	`respondent` text NOT NULL,
	`carer_id` text,
	`version` text,
	`answers` text DEFAULT '{}' NOT NULL,
	`change` text DEFAULT '' NOT NULL,
	`skipped_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`carer_id`) REFERENCES `carers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_child_idx` ON `feedback` (`meeting_id`) WHERE "feedback"."carer_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_carer_idx` ON `feedback` (`meeting_id`,`carer_id`);--> statement-breakpoint
CREATE INDEX `feedback_child_meeting_idx` ON `feedback` (`child_id`,`meeting_id`);
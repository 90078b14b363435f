CREATE TABLE `format_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`requested_by` text,
	`requested_by_role` text NOT NULL,
	`kind` text NOT NULL,
	`document` text NOT NULL,
	`language` text,
	`language_typed` text,
	`note` text DEFAULT '' NOT NULL,
	`note_lang` text,
	`created_at` integer NOT NULL,
	`done_at` integer,
	`done_by` text,
	`done_note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`done_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `format_requests_child_idx` ON `format_requests` (`child_id`,`done_at`);--> statement-breakpoint
ALTER TABLE `children` ADD `picture_version` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `carer_views` ADD `views_lang` text;--> statement-breakpoint
ALTER TABLE `agenda_outcomes` ADD `text_lang` text;--> statement-breakpoint
ALTER TABLE `decisions` ADD `text_lang` text;--> statement-breakpoint
ALTER TABLE `meeting_letters` ADD `words_lang` text;--> statement-breakpoint
ALTER TABLE `feedback` ADD `change_lang` text;
CREATE TABLE `past_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`child_id` text NOT NULL,
	`iro_id` text,
	`from_on` text,
	`until_on` text NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`iro_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `past_allocations_child_idx` ON `past_allocations` (`child_id`,`until_on`);--> statement-breakpoint
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
ALTER TABLE `feedback` ADD `change_lang` text;--> statement-breakpoint
CREATE INDEX `meetings_held_idx` ON `meetings` (`held_on`,`child_id`) WHERE "meetings"."held_on" is not null;--> statement-breakpoint
CREATE INDEX `meetings_child_held_idx` ON `meetings` (`child_id`,`held_on`) WHERE "meetings"."held_on" is not null;--> statement-breakpoint
CREATE INDEX `meetings_caseload_idx` ON `meetings` (`child_id`,`cancelled_at`,`written_up_at`,`held_on`,`starts_at`);--> statement-breakpoint
CREATE INDEX `messages_urgent_sent_idx` ON `messages` (`created_at`) WHERE "messages"."urgent" = 1 and "messages"."from_staff" = 0;--> statement-breakpoint
CREATE INDEX `support_meeting_idx` ON `support_requests` (`meeting_id`,`kind`);--> statement-breakpoint
CREATE INDEX `concerns_raised_idx` ON `concerns` (`raised_on`);
CREATE TABLE `voice_recordings` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`consultation_id` text,
	`question_id` text,
	`visibility` text DEFAULT 'iro' NOT NULL,
	`message_id` text,
	`content_type` text NOT NULL,
	`audio` blob NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `voice_question_idx` ON `voice_recordings` (`consultation_id`,`question_id`);--> statement-breakpoint
CREATE INDEX `voice_message_idx` ON `voice_recordings` (`message_id`);--> statement-breakpoint
CREATE INDEX `voice_child_idx` ON `voice_recordings` (`child_id`);
CREATE TABLE `agenda_outcomes` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`agenda_item_id` text NOT NULL,
	`text` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_outcomes_item_idx` ON `agenda_outcomes` (`agenda_item_id`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`child_id` text NOT NULL,
	`text` text NOT NULL,
	`who_role` text NOT NULL,
	`who_name` text DEFAULT '' NOT NULL,
	`due_on` text NOT NULL,
	`visible_to_child` integer DEFAULT false NOT NULL,
	`shared_with_carers` integer DEFAULT false NOT NULL,
	`done_at` integer,
	`done_note` text,
	`done_by` text,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`done_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `decisions_meeting_idx` ON `decisions` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `decisions_child_idx` ON `decisions` (`child_id`);--> statement-breakpoint
CREATE TABLE `meeting_letters` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`child_id` text NOT NULL,
	`words` text DEFAULT '{}' NOT NULL,
	`locale` text NOT NULL,
	`content` text,
	`sent_at` integer,
	`sent_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sent_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_letters_meeting_idx` ON `meeting_letters` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `meeting_letters_child_idx` ON `meeting_letters` (`child_id`);--> statement-breakpoint
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
CREATE INDEX `feedback_child_meeting_idx` ON `feedback` (`child_id`,`meeting_id`);--> statement-breakpoint
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
--> statement-breakpoint
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
CREATE INDEX `concerns_child_idx` ON `concerns` (`child_id`,`resolved_on`);--> statement-breakpoint
CREATE TABLE `passkeys` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`credential_id` text NOT NULL,
	`public_key` blob NOT NULL,
	`counter` integer DEFAULT 0 NOT NULL,
	`transports` text DEFAULT '' NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `passkeys_credential_id_unique` ON `passkeys` (`credential_id`);--> statement-breakpoint
CREATE INDEX `passkeys_user_idx` ON `passkeys` (`user_id`);--> statement-breakpoint
CREATE TABLE `recovery_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recovery_codes_user_idx` ON `recovery_codes` (`user_id`);--> statement-breakpoint
CREATE TABLE `webauthn_challenges` (
	`session_id` text NOT NULL,
	`purpose` text NOT NULL,
	`challenge` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `purpose`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `child_carers` ADD `relationship_lang` text;--> statement-breakpoint
ALTER TABLE `children` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `children` ADD `closed_on` text;--> statement-breakpoint
ALTER TABLE `children` ADD `closed_reason` text;--> statement-breakpoint
ALTER TABLE `children` ADD `closed_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `users` ADD `address` text;--> statement-breakpoint
ALTER TABLE `users` ADD `profile_lang` text;--> statement-breakpoint
ALTER TABLE `users` ADD `deactivated_at` integer;--> statement-breakpoint
ALTER TABLE `meetings` ADD `venue_lang` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `held_on` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `not_held_reason` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `written_up_at` integer;--> statement-breakpoint
ALTER TABLE `meetings` ADD `written_up_by` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `second_factor_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `lang` text;--> statement-breakpoint
CREATE INDEX `messages_unread_idx` ON `messages` (`conversation_id`,`from_staff`) WHERE "messages"."read_at" is null;--> statement-breakpoint
CREATE INDEX `messages_urgent_unread_idx` ON `messages` (`conversation_id`) WHERE "messages"."urgent" = 1 and "messages"."read_at" is null;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `idea_key` text;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `lang` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `child_id` text;--> statement-breakpoint
CREATE INDEX `audit_child_idx` ON `audit_log` (`child_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_user_idx` ON `audit_log` (`user_id`,`at`);--> statement-breakpoint
-- Hand-written backfill: earlier audit entries get the child they are about (from their subject).
UPDATE `audit_log` SET `child_id` = COALESCE(
	(SELECT `child_id` FROM `meetings` WHERE `meetings`.`id` = `audit_log`.`subject_id`),
	(SELECT `child_id` FROM `conversations` WHERE `conversations`.`id` = `audit_log`.`subject_id`),
	(SELECT `child_id` FROM `decisions` WHERE `decisions`.`id` = `audit_log`.`subject_id`),
	(SELECT `child_id` FROM `meeting_letters` WHERE `meeting_letters`.`id` = `audit_log`.`subject_id`),
	(SELECT `id` FROM `children` WHERE `children`.`id` = `audit_log`.`subject_id` OR `children`.`user_id` = `audit_log`.`subject_id`),
	(SELECT `child_id` FROM `meetings` WHERE `meetings`.`id` = `audit_log`.`detail`),
	(SELECT `id` FROM `children` WHERE 'child:' || `children`.`id` = `audit_log`.`detail`)
) WHERE `child_id` IS NULL;

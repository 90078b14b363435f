ALTER TABLE `audit_log` ADD `child_id` text;--> statement-breakpoint
CREATE INDEX `audit_child_idx` ON `audit_log` (`child_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_user_idx` ON `audit_log` (`user_id`,`at`);--> statement-breakpoint
-- Hand-written backfill: the child of each audit entry recorded before entries carried one (subject a
-- meeting, conversation, decision, letter, child or child's account; else the meeting named in detail).
UPDATE `audit_log` SET `child_id` = COALESCE(
	(SELECT `child_id` FROM `meetings` WHERE `meetings`.`id` = `audit_log`.`subject_id`),
	(SELECT `child_id` FROM `conversations` WHERE `conversations`.`id` = `audit_log`.`subject_id`),
	(SELECT `child_id` FROM `decisions` WHERE `decisions`.`id` = `audit_log`.`subject_id`),
	(SELECT `child_id` FROM `meeting_letters` WHERE `meeting_letters`.`id` = `audit_log`.`subject_id`),
	(SELECT `id` FROM `children` WHERE `children`.`id` = `audit_log`.`subject_id` OR `children`.`user_id` = `audit_log`.`subject_id`),
	(SELECT `child_id` FROM `meetings` WHERE `meetings`.`id` = `audit_log`.`detail`),
	(SELECT `id` FROM `children` WHERE 'child:' || `children`.`id` = `audit_log`.`detail`)
) WHERE `child_id` IS NULL;

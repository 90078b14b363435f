DROP INDEX `outbox_due_idx`;--> statement-breakpoint
ALTER TABLE `outbox` ADD `failed_at` integer;--> statement-breakpoint
CREATE INDEX `outbox_waiting_idx` ON `outbox` (`next_attempt_at`) WHERE "outbox"."sent_at" is null and "outbox"."failed_at" is null;--> statement-breakpoint
CREATE INDEX `outbox_failed_idx` ON `outbox` (`failed_at`,`id`) WHERE "outbox"."failed_at" is not null;--> statement-breakpoint
-- Emails given up on before this migration (12 attempts, the last an hour before next_attempt_at) leave the retry loop.
UPDATE `outbox` SET `failed_at` = `next_attempt_at` - 3600000 WHERE `sent_at` IS NULL AND `attempts` >= 12;

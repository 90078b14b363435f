ALTER TABLE `conversations` ADD `unread_by_staff` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `conversations` ADD `urgent_unread_by_staff` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `conversations_inbox_idx` ON `conversations` (("urgent_unread_by_staff" > 0),("unread_by_staff" > 0),`last_message_at`);--> statement-breakpoint
UPDATE `conversations` SET
	`unread_by_staff` = (SELECT count(*) FROM `messages` WHERE `messages`.`conversation_id` = `conversations`.`id` AND `messages`.`from_staff` = 0 AND `messages`.`read_at` IS NULL),
	`urgent_unread_by_staff` = (SELECT count(*) FROM `messages` WHERE `messages`.`conversation_id` = `conversations`.`id` AND `messages`.`from_staff` = 0 AND `messages`.`read_at` IS NULL AND `messages`.`urgent` = 1);--> statement-breakpoint
CREATE TRIGGER `inbox_messages_insert` AFTER INSERT ON `messages` WHEN NEW.`from_staff` = 0 AND NEW.`read_at` IS NULL
BEGIN UPDATE `conversations` SET `unread_by_staff` = `unread_by_staff` + 1, `urgent_unread_by_staff` = `urgent_unread_by_staff` + (NEW.`urgent` = 1) WHERE `id` = NEW.`conversation_id`; END;--> statement-breakpoint
CREATE TRIGGER `inbox_messages_update` AFTER UPDATE OF `conversation_id`, `from_staff`, `urgent`, `read_at` ON `messages`
	WHEN (OLD.`from_staff` = 0 AND OLD.`read_at` IS NULL) OR (NEW.`from_staff` = 0 AND NEW.`read_at` IS NULL)
BEGIN
	UPDATE `conversations` SET `unread_by_staff` = `unread_by_staff` - (OLD.`from_staff` = 0 AND OLD.`read_at` IS NULL), `urgent_unread_by_staff` = `urgent_unread_by_staff` - (OLD.`from_staff` = 0 AND OLD.`read_at` IS NULL AND OLD.`urgent` = 1) WHERE `id` = OLD.`conversation_id`;
	UPDATE `conversations` SET `unread_by_staff` = `unread_by_staff` + (NEW.`from_staff` = 0 AND NEW.`read_at` IS NULL), `urgent_unread_by_staff` = `urgent_unread_by_staff` + (NEW.`from_staff` = 0 AND NEW.`read_at` IS NULL AND NEW.`urgent` = 1) WHERE `id` = NEW.`conversation_id`;
END;--> statement-breakpoint
CREATE TRIGGER `inbox_messages_delete` AFTER DELETE ON `messages` WHEN OLD.`from_staff` = 0 AND OLD.`read_at` IS NULL
BEGIN UPDATE `conversations` SET `unread_by_staff` = `unread_by_staff` - 1, `urgent_unread_by_staff` = `urgent_unread_by_staff` - (OLD.`urgent` = 1) WHERE `id` = OLD.`conversation_id`; END;

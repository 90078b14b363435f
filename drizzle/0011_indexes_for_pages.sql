DROP INDEX `children_iro_idx`;--> statement-breakpoint
CREATE INDEX `children_iro_id_idx` ON `children` (`iro_id`,`id`);--> statement-breakpoint
DROP INDEX `conversations_child_idx`;--> statement-breakpoint
CREATE INDEX `conversations_child_unread_idx` ON `conversations` (`child_id`,`unread_by_staff`);--> statement-breakpoint
DROP INDEX `audit_subject_idx`;--> statement-breakpoint
CREATE INDEX `audit_subject_action_idx` ON `audit_log` (`subject_id`,`action`,`at`);
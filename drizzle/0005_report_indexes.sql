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
CREATE INDEX `meetings_held_idx` ON `meetings` (`held_on`,`child_id`) WHERE "meetings"."held_on" is not null;--> statement-breakpoint
CREATE INDEX `meetings_child_held_idx` ON `meetings` (`child_id`,`held_on`) WHERE "meetings"."held_on" is not null;--> statement-breakpoint
CREATE INDEX `messages_urgent_sent_idx` ON `messages` (`created_at`) WHERE "messages"."urgent" = 1 and "messages"."from_staff" = 0;--> statement-breakpoint
CREATE INDEX `support_meeting_idx` ON `support_requests` (`meeting_id`,`kind`);--> statement-breakpoint
CREATE INDEX `concerns_raised_idx` ON `concerns` (`raised_on`);
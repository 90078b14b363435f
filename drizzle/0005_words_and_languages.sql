ALTER TABLE `child_carers` ADD `relationship_lang` text;--> statement-breakpoint
ALTER TABLE `users` ADD `profile_lang` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `venue_lang` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `lang` text;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `idea_key` text;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `lang` text;
ALTER TABLE `children` ADD `picture_version` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `carer_views` ADD `views_lang` text;--> statement-breakpoint
ALTER TABLE `agenda_outcomes` ADD `text_lang` text;--> statement-breakpoint
ALTER TABLE `decisions` ADD `text_lang` text;--> statement-breakpoint
ALTER TABLE `meeting_letters` ADD `words_lang` text;--> statement-breakpoint
ALTER TABLE `feedback` ADD `change_lang` text;
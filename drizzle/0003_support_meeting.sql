ALTER TABLE `support_requests` ADD `meeting_id` text REFERENCES meetings(id);--> statement-breakpoint
-- Hand-written backfill (issue 7, "the record cannot be bent by accident"): each existing request
-- belongs to the meeting the child was getting ready for when they asked, i.e. their first meeting,
-- not cancelled, that starts after the request was made (where a meeting was cancelled after the
-- request, what was prepared for it moved to that same next meeting). Left null when none exists.
UPDATE `support_requests` SET `meeting_id` = (
	SELECT `m`.`id` FROM `meetings` `m`
	WHERE `m`.`child_id` = `support_requests`.`child_id`
		AND `m`.`cancelled_at` IS NULL
		AND `m`.`starts_at` > `support_requests`.`created_at`
	ORDER BY `m`.`starts_at` ASC
	LIMIT 1
) WHERE `meeting_id` IS NULL;

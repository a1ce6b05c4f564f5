DROP INDEX `ix_followers_followed_id`;--> statement-breakpoint
DROP TABLE `followers`;

ALTER TABLE `user` DROP COLUMN `last_seen`;--> statement-breakpoint
ALTER TABLE `user` DROP COLUMN `about_me`;

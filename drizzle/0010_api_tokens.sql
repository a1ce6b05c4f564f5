CREATE TABLE `api_token` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`access_token_hash` text NOT NULL,
	`refresh_token_hash` text NOT NULL,
	`access_expires_at` integer NOT NULL,
	`refresh_expires_at` integer NOT NULL,
	`session_version` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ix_api_token_access_token_hash` ON `api_token` (`access_token_hash`);--> statement-breakpoint
CREATE INDEX `ix_api_token_user_id` ON `api_token` (`user_id`);--> statement-breakpoint
CREATE INDEX `ix_api_token_refresh_expires_at` ON `api_token` (`refresh_expires_at`);--> statement-breakpoint
ALTER TABLE `user` ADD `first_seen` integer;--> statement-breakpoint
-- Accounts made before this migration: their first post, else their last visit, else now.
UPDATE `user` SET `first_seen` = coalesce((SELECT min(`timestamp`) FROM `post` WHERE `post`.`user_id` = `user`.`id`), `last_seen`, cast(unixepoch('subsec') * 1000 as integer));

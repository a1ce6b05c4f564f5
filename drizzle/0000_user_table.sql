CREATE TABLE `user` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text COLLATE NOCASE NOT NULL,
	`email` text NOT NULL,
	`password_hash` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ix_user_username` ON `user` (`username`);--> statement-breakpoint
CREATE UNIQUE INDEX `ix_user_email` ON `user` (`email`);
CREATE TABLE `password_reset` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ix_password_reset_user_id` ON `password_reset` (`user_id`);--> statement-breakpoint
CREATE INDEX `ix_password_reset_expires_at` ON `password_reset` (`expires_at`);
CREATE TABLE `avatar` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`version` text NOT NULL,
	`content_type` text NOT NULL,
	`image` blob NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);

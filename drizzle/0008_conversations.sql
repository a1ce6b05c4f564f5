CREATE TABLE `activity` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`actor_id` integer NOT NULL,
	`post_id` integer,
	`timestamp` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`post_id`) REFERENCES `post`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ix_activity_user_id_timestamp` ON `activity` (`user_id`,`timestamp`);--> statement-breakpoint
CREATE INDEX `ix_activity_post_id` ON `activity` (`post_id`);--> statement-breakpoint
CREATE INDEX `ix_activity_actor_id` ON `activity` (`actor_id`);--> statement-breakpoint
CREATE TABLE `post_like` (
	`post_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`timestamp` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`post_id`, `user_id`),
	FOREIGN KEY (`post_id`) REFERENCES `post`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ix_post_like_user_id` ON `post_like` (`user_id`);--> statement-breakpoint
CREATE TABLE `post_mention` (
	`post_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`post_id`, `user_id`),
	FOREIGN KEY (`post_id`) REFERENCES `post`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ix_post_mention_user_id` ON `post_mention` (`user_id`);--> statement-breakpoint
CREATE TABLE `post_tag` (
	`post_id` integer NOT NULL,
	`tag` text NOT NULL,
	`timestamp` integer NOT NULL,
	PRIMARY KEY(`post_id`, `tag`),
	FOREIGN KEY (`post_id`) REFERENCES `post`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ix_post_tag_tag_timestamp` ON `post_tag` (`tag`,`timestamp`,`post_id`);--> statement-breakpoint
ALTER TABLE `post` ADD `in_reply_to_id` integer;--> statement-breakpoint
ALTER TABLE `post` ADD `edited_at` integer;--> statement-breakpoint
CREATE INDEX `ix_post_in_reply_to_id_timestamp` ON `post` (`in_reply_to_id`,`timestamp`);--> statement-breakpoint
ALTER TABLE `user` ADD `last_activity_read_time` integer;
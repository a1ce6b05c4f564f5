CREATE TABLE `followers` (
	`follower_id` integer NOT NULL,
	`followed_id` integer NOT NULL,
	PRIMARY KEY(`follower_id`, `followed_id`),
	FOREIGN KEY (`follower_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`followed_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "ck_followers_not_self" CHECK("followers"."follower_id" <> "followers"."followed_id")
);
--> statement-breakpoint
CREATE INDEX `ix_followers_followed_id` ON `followers` (`followed_id`,`follower_id`);
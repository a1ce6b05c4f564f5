CREATE TABLE `message` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sender_id` integer NOT NULL,
	`recipient_id` integer NOT NULL,
	`body` text NOT NULL,
	`timestamp` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`sender_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recipient_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ix_message_recipient_id_timestamp` ON `message` (`recipient_id`,`timestamp`);--> statement-breakpoint
CREATE INDEX `ix_message_sender_id` ON `message` (`sender_id`);--> statement-breakpoint
CREATE TABLE `notification` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`user_id` integer NOT NULL,
	`timestamp` integer NOT NULL,
	`payload_json` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ix_notification_user_id_name` ON `notification` (`user_id`,`name`);--> statement-breakpoint
CREATE INDEX `ix_notification_timestamp` ON `notification` (`timestamp`);--> statement-breakpoint
ALTER TABLE `user` ADD `last_message_read_time` integer;
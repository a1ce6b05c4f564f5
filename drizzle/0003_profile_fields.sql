ALTER TABLE `user` ADD `about_me` text;--> statement-breakpoint
ALTER TABLE `user` ADD `last_seen` integer;
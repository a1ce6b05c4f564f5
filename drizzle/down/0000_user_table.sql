DROP INDEX `ix_user_email`;--> statement-breakpoint
DROP INDEX `ix_user_username`;--> statement-breakpoint
DROP TABLE `user`;
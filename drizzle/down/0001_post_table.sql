DROP INDEX `ix_post_user_id_timestamp`;--> statement-breakpoint
DROP INDEX `ix_post_timestamp`;--> statement-breakpoint
DROP TABLE `post`;
DROP INDEX `ix_password_reset_expires_at`;--> statement-breakpoint
DROP INDEX `ix_password_reset_user_id`;--> statement-breakpoint
DROP TABLE `password_reset`;

ALTER TABLE `user` DROP COLUMN `session_version`;--> statement-breakpoint
DROP INDEX `ix_rate_limit_window_start`;--> statement-breakpoint
DROP TABLE `rate_limit`;
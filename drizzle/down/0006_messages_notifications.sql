-- Reverts 0006: drops private messages and live notifications (their rows are lost) and the
-- last-read time. Rows of other tables are untouched.
ALTER TABLE `user` DROP COLUMN `last_message_read_time`;--> statement-breakpoint
DROP INDEX `ix_notification_timestamp`;--> statement-breakpoint
DROP INDEX `ix_notification_user_id_name`;--> statement-breakpoint
DROP TABLE `notification`;--> statement-breakpoint
DROP INDEX `ix_message_sender_id`;--> statement-breakpoint
DROP INDEX `ix_message_recipient_id_timestamp`;--> statement-breakpoint
DROP TABLE `message`;

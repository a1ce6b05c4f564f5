-- Reverts 0008: drops replies, edits, likes, mentions, hashtags and activity notifications (their
-- rows are lost; posts and users stay). The reply link and edit time columns go from `post`.
ALTER TABLE `user` DROP COLUMN `last_activity_read_time`;--> statement-breakpoint
DROP INDEX `ix_post_in_reply_to_id_timestamp`;--> statement-breakpoint
ALTER TABLE `post` DROP COLUMN `edited_at`;--> statement-breakpoint
ALTER TABLE `post` DROP COLUMN `in_reply_to_id`;--> statement-breakpoint
DROP INDEX `ix_post_tag_tag_timestamp`;--> statement-breakpoint
DROP TABLE `post_tag`;--> statement-breakpoint
DROP INDEX `ix_post_mention_user_id`;--> statement-breakpoint
DROP TABLE `post_mention`;--> statement-breakpoint
DROP INDEX `ix_post_like_user_id`;--> statement-breakpoint
DROP TABLE `post_like`;--> statement-breakpoint
DROP INDEX `ix_activity_actor_id`;--> statement-breakpoint
DROP INDEX `ix_activity_post_id`;--> statement-breakpoint
DROP INDEX `ix_activity_user_id_timestamp`;--> statement-breakpoint
DROP TABLE `activity`;

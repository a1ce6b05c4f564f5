-- Reverts 0010: drops the REST API's token pairs (every API client must sign in again) and the
-- accounts' creation time. Rows of other tables are untouched.
ALTER TABLE `user` DROP COLUMN `first_seen`;--> statement-breakpoint
DROP INDEX `ix_api_token_refresh_expires_at`;--> statement-breakpoint
DROP INDEX `ix_api_token_user_id`;--> statement-breakpoint
DROP INDEX `ix_api_token_access_token_hash`;--> statement-breakpoint
DROP TABLE `api_token`;

-- Reverts 0007: drops the per-sign-in session rows (they are lost; the app of 0006 does not read
-- them). Rows of other tables are untouched.
DROP INDEX `ix_session_user_id`;--> statement-breakpoint
DROP TABLE `session`;

-- Reverts 0009: drops the full-text index of posts and its triggers. Posts are untouched.
DROP TRIGGER `post_fts_after_update`;--> statement-breakpoint
DROP TRIGGER `post_fts_after_delete`;--> statement-breakpoint
DROP TRIGGER `post_fts_after_insert`;--> statement-breakpoint
DROP TABLE `post_fts`;

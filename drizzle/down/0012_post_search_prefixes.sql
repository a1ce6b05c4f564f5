-- Reverts 0012_post_search_prefixes: drops the unstemmed word index and its vocabulary (both derived
-- from `post`, so no data is lost); search then matches the last word as a stemmed prefix only.
DROP TRIGGER `post_words_after_update`;
--> statement-breakpoint
DROP TRIGGER `post_words_after_delete`;
--> statement-breakpoint
DROP TRIGGER `post_words_after_insert`;
--> statement-breakpoint
DROP TABLE `post_words_vocab`;
--> statement-breakpoint
DROP TABLE `post_words`;

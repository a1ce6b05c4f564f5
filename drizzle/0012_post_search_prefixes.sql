-- Prefix search that survives stemming: post_fts stems English words (porter), so "running" is
-- indexed as "run" and a typed prefix such as "runn" matched nothing. post_words indexes the same
-- bodies without stemming (Unicode words, lower case, diacritics folded); only its vocabulary is read
-- (post_words_vocab), to complete a query's last word into whole words that post_fts then stems
-- (db/search-query.ts). detail=none: no positions, the smallest index that still has a vocabulary.
CREATE VIRTUAL TABLE `post_words` USING fts5(body, content='post', content_rowid='id', tokenize='unicode61 remove_diacritics 2', detail=none);
--> statement-breakpoint
INSERT INTO `post_words`(`post_words`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `post_words_vocab` USING fts5vocab(`post_words`, 'row');
--> statement-breakpoint
CREATE TRIGGER `post_words_after_insert` AFTER INSERT ON `post` BEGIN
  INSERT INTO `post_words`(rowid, body) VALUES (new.id, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `post_words_after_delete` AFTER DELETE ON `post` BEGIN
  INSERT INTO `post_words`(`post_words`, rowid, body) VALUES ('delete', old.id, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `post_words_after_update` AFTER UPDATE OF body ON `post` BEGIN
  INSERT INTO `post_words`(`post_words`, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO `post_words`(rowid, body) VALUES (new.id, new.body);
END;

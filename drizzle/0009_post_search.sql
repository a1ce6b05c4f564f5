-- Full-text search over post bodies with SQLite's FTS5 (built into libSQL, on a file and on sqld):
-- an external-content index (the text lives only in `post`), English stemming (porter) over Unicode
-- words with diacritics folded, kept in sync by triggers so every write path is covered.
CREATE VIRTUAL TABLE `post_fts` USING fts5(body, content='post', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `post_fts`(`post_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `post_fts_after_insert` AFTER INSERT ON `post` BEGIN
  INSERT INTO `post_fts`(rowid, body) VALUES (new.id, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `post_fts_after_delete` AFTER DELETE ON `post` BEGIN
  INSERT INTO `post_fts`(`post_fts`, rowid, body) VALUES ('delete', old.id, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `post_fts_after_update` AFTER UPDATE OF body ON `post` BEGIN
  INSERT INTO `post_fts`(`post_fts`, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO `post_fts`(rowid, body) VALUES (new.id, new.body);
END;

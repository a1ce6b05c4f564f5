-- Reverts 0011: drops uploaded avatars (their pictures are lost; everyone gets an identicon, or
-- Gravatar's, again). Rows of other tables are untouched.
DROP TABLE `avatar`;

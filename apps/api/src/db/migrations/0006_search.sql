-- Hand-written (drizzle-kit generate --custom): drizzle-kit has no Mroonga tables nor FULLTEXT
-- index options. The full-text index of published, visible blogs (modules/search): one row per
-- blog the public sees, written by the blogs service on every save and by the start-up backfill.
-- The text index (GET /search) keeps Latin words whole (a search asks for a word's usual English
-- forms: "river" finds "rivers") and cuts Chinese into bigrams, so a Chinese term is found
-- without spaces between words. The title
-- index (GET /blogs?q=) cuts everything into bigrams, so a title is found by any part of it, as
-- the LIKE it replaced did. NormalizerAuto folds case, width and Unicode forms.
CREATE TABLE `blog_search` (
	`blog_id` int unsigned NOT NULL,
	`version` int unsigned NOT NULL,
	`author_id` int unsigned NOT NULL,
	`pub_date` datetime(3) NOT NULL,
	`title` varchar(200) NOT NULL,
	`excerpt` varchar(300) NOT NULL,
	`body` mediumtext NOT NULL,
	`tags` text NOT NULL,
	`tag_slugs` text NOT NULL,
	PRIMARY KEY (`blog_id`),
	FULLTEXT INDEX `blog_search_text_ft` (`title`, `excerpt`, `body`, `tags`) COMMENT 'tokenizer "TokenBigram", normalizer "NormalizerAuto"',
	FULLTEXT INDEX `blog_search_title_ft` (`title`) COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit", normalizer "NormalizerAuto"',
	FULLTEXT INDEX `blog_search_tag_ft` (`tag_slugs`) COMMENT 'tokenizer "TokenDelimit"',
	INDEX `blog_search_author_idx` (`author_id`),
	INDEX `blog_search_pub_idx` (`pub_date`)
) ENGINE=Mroonga DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

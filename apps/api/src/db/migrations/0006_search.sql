-- Hand-written (drizzle-kit generate --custom): drizzle-kit has no Mroonga tables nor FULLTEXT
-- index options. The full-text index of published, visible blogs (modules/search): one row per
-- blog the public sees, written by the blogs service on every save and by the start-up backfill.
-- Bigram tokens find Chinese terms without spaces and any part of an English word ("river" in
-- "rivers"); NormalizerAuto folds case, width and Unicode forms.
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
	FULLTEXT INDEX `blog_search_text_ft` (`title`, `excerpt`, `body`, `tags`) COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit", normalizer "NormalizerAuto"',
	FULLTEXT INDEX `blog_search_title_ft` (`title`) COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit", normalizer "NormalizerAuto"',
	FULLTEXT INDEX `blog_search_tag_ft` (`tag_slugs`) COMMENT 'tokenizer "TokenDelimit"',
	INDEX `blog_search_author_idx` (`author_id`),
	INDEX `blog_search_pub_idx` (`pub_date`)
) ENGINE=Mroonga DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

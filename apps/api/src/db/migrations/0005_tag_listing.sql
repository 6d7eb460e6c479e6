ALTER TABLE `blog_tags` ADD `visible` boolean NOT NULL;--> statement-breakpoint
ALTER TABLE `blog_tags` ADD `pub_date` datetime(3) NOT NULL;--> statement-breakpoint
UPDATE `blog_tags` INNER JOIN `blogs` ON `blogs`.`id` = `blog_tags`.`blog_id` SET `blog_tags`.`visible` = (`blogs`.`status` = 'published' AND `blogs`.`deleted_at` IS NULL), `blog_tags`.`pub_date` = `blogs`.`pub_date`;--> statement-breakpoint
CREATE INDEX `blog_tags_listing_idx` ON `blog_tags` (`tag_id`,`visible`,`pub_date`,`blog_id`);--> statement-breakpoint
DROP INDEX `blog_tags_tag_idx` ON `blog_tags`;

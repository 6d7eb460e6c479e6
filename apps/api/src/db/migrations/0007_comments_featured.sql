CREATE TABLE `comments` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`blog_id` int unsigned NOT NULL,
	`parent_id` int unsigned,
	`root_id` int unsigned,
	`branch_id` int unsigned,
	`depth` smallint unsigned NOT NULL DEFAULT 0,
	`user_id` int unsigned NOT NULL,
	`body` text NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`edited_at` datetime(3),
	`deleted_at` datetime(3),
	CONSTRAINT `comments_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `blogs` ADD `comments_open` boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `blogs` ADD `comment_count` int unsigned DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `blogs` ADD `featured` boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `comments` ADD CONSTRAINT `comments_blog_id_blogs_id_fk` FOREIGN KEY (`blog_id`) REFERENCES `blogs`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `comments` ADD CONSTRAINT `comments_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `comments_blog_parent_idx` ON `comments` (`blog_id`,`parent_id`,`id`);--> statement-breakpoint
CREATE INDEX `comments_root_depth_idx` ON `comments` (`root_id`,`depth`,`id`);--> statement-breakpoint
CREATE INDEX `comments_branch_idx` ON `comments` (`branch_id`,`id`);--> statement-breakpoint
CREATE INDEX `comments_parent_idx` ON `comments` (`parent_id`,`id`);--> statement-breakpoint
CREATE INDEX `comments_user_idx` ON `comments` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `blogs_featured_pub_idx` ON `blogs` (`featured`,`status`,`deleted_at`,`pub_date`,`id`);--> statement-breakpoint
CREATE INDEX `users_nickname_idx` ON `users` (`nickname`);
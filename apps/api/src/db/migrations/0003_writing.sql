CREATE TABLE `blog_revisions` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`blog_id` int unsigned NOT NULL,
	`title` varchar(200) NOT NULL,
	`excerpt` varchar(300) NOT NULL,
	`content` mediumtext NOT NULL,
	`tags` json NOT NULL,
	`editor_id` int unsigned,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `blog_revisions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `blog_tags` (
	`blog_id` int unsigned NOT NULL,
	`tag_id` int unsigned NOT NULL,
	`position` int unsigned NOT NULL DEFAULT 0,
	CONSTRAINT `blog_tags_blog_id_tag_id_pk` PRIMARY KEY(`blog_id`,`tag_id`)
);
--> statement-breakpoint
CREATE TABLE `tags` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(30) NOT NULL,
	`slug` varchar(64) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `tags_id` PRIMARY KEY(`id`),
	CONSTRAINT `tags_name_uq` UNIQUE(`name`),
	CONSTRAINT `tags_slug_uq` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `user_permissions` (
	`user_id` int unsigned NOT NULL,
	`permission` enum('users.read','users.write','content.moderate','roles.manage','stats.read','system.settings') NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `user_permissions_user_id_permission_pk` PRIMARY KEY(`user_id`,`permission`)
);
--> statement-breakpoint
ALTER TABLE `authors` MODIFY COLUMN `email` varchar(254);--> statement-breakpoint
ALTER TABLE `blogs` MODIFY COLUMN `status` enum('draft','scheduled','published') NOT NULL DEFAULT 'draft';--> statement-breakpoint
ALTER TABLE `blogs` ADD `content_html` mediumtext DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `blogs` ADD `excerpt` varchar(300) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `blogs` ADD `reading_minutes` int unsigned DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `blogs` ADD `version` int unsigned DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `blog_revisions` ADD CONSTRAINT `blog_revisions_blog_id_blogs_id_fk` FOREIGN KEY (`blog_id`) REFERENCES `blogs`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `blog_revisions` ADD CONSTRAINT `blog_revisions_editor_id_users_id_fk` FOREIGN KEY (`editor_id`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `blog_tags` ADD CONSTRAINT `blog_tags_blog_id_blogs_id_fk` FOREIGN KEY (`blog_id`) REFERENCES `blogs`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `blog_tags` ADD CONSTRAINT `blog_tags_tag_id_tags_id_fk` FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `user_permissions` ADD CONSTRAINT `user_permissions_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `blog_revisions_blog_idx` ON `blog_revisions` (`blog_id`,`id`);--> statement-breakpoint
CREATE INDEX `blog_tags_tag_idx` ON `blog_tags` (`tag_id`,`blog_id`);--> statement-breakpoint
ALTER TABLE `authors` ADD CONSTRAINT `authors_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `blogs_author_deleted_pub_idx` ON `blogs` (`author_id`,`deleted_at`,`pub_date`,`id`);
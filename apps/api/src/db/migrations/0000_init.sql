CREATE TABLE `authors` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(64) NOT NULL,
	`email` varchar(254) NOT NULL,
	`bio` text,
	`user_id` int unsigned,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `authors_id` PRIMARY KEY(`id`),
	CONSTRAINT `authors_email_uq` UNIQUE(`email`),
	CONSTRAINT `authors_user_id_uq` UNIQUE(`user_id`)
);
--> statement-breakpoint
CREATE TABLE `blogs` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`author_id` int unsigned NOT NULL,
	`title` varchar(200) NOT NULL,
	`content` mediumtext NOT NULL,
	`status` enum('draft','published') NOT NULL DEFAULT 'draft',
	`pub_date` datetime(3) NOT NULL,
	`view_count` int unsigned NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`deleted_at` datetime(3),
	CONSTRAINT `blogs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `blogs` ADD CONSTRAINT `blogs_author_id_authors_id_fk` FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `authors_name_idx` ON `authors` (`name`);--> statement-breakpoint
CREATE INDEX `blogs_visible_pub_idx` ON `blogs` (`status`,`deleted_at`,`pub_date`,`id`);--> statement-breakpoint
CREATE INDEX `blogs_author_visible_pub_idx` ON `blogs` (`author_id`,`status`,`deleted_at`,`pub_date`,`id`);
CREATE TABLE `comment_reports` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`comment_id` int unsigned NOT NULL,
	`reporter_id` int unsigned NOT NULL,
	`reason` enum('spam','abuse','offTopic','other') NOT NULL,
	`note` varchar(500) NOT NULL DEFAULT '',
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`resolved_at` datetime(3),
	`resolved_by` int unsigned,
	CONSTRAINT `comment_reports_id` PRIMARY KEY(`id`),
	CONSTRAINT `comment_reports_reporter_uq` UNIQUE(`comment_id`,`reporter_id`)
);
--> statement-breakpoint
ALTER TABLE `comment_reports` ADD CONSTRAINT `comment_reports_comment_id_comments_id_fk` FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `comment_reports` ADD CONSTRAINT `comment_reports_reporter_id_users_id_fk` FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `comment_reports` ADD CONSTRAINT `comment_reports_resolved_by_users_id_fk` FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `comment_reports_open_idx` ON `comment_reports` (`resolved_at`,`comment_id`);
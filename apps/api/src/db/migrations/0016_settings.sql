CREATE TABLE `settings` (
	`name` varchar(64) NOT NULL,
	`value` json NOT NULL,
	`updated_by` int unsigned,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `settings_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
ALTER TABLE `audit_log` MODIFY COLUMN `action` enum('login','login.failed','password.reset','session.revoked','role.created','role.updated','role.deleted','user.roles','user.locked','user.unlocked','user.deleted','user.restored','blog.unpublished','blog.deleted','blog.restored','blog.featured','blog.unfeatured','comment.deleted','comment.reportsDismissed','author.created','author.updated','settings.changed') NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_channel_idx` ON `outbox_messages` (`channel`,`id`);
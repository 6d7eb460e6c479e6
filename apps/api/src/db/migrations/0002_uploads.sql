CREATE TABLE `upload_references` (
	`upload_id` int unsigned NOT NULL,
	`owner_kind` varchar(32) NOT NULL,
	`owner_id` int unsigned NOT NULL,
	CONSTRAINT `upload_references_upload_id_owner_kind_owner_id_pk` PRIMARY KEY(`upload_id`,`owner_kind`,`owner_id`)
);
--> statement-breakpoint
CREATE TABLE `uploads` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`user_id` int unsigned NOT NULL,
	`storage_key` varchar(64) NOT NULL,
	`width` int unsigned NOT NULL,
	`height` int unsigned NOT NULL,
	`bytes` int unsigned NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `uploads_id` PRIMARY KEY(`id`),
	CONSTRAINT `uploads_storage_key_uq` UNIQUE(`storage_key`)
);
--> statement-breakpoint
ALTER TABLE `upload_references` ADD CONSTRAINT `upload_references_upload_id_uploads_id_fk` FOREIGN KEY (`upload_id`) REFERENCES `uploads`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `uploads` ADD CONSTRAINT `uploads_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `upload_references_owner_idx` ON `upload_references` (`owner_kind`,`owner_id`);--> statement-breakpoint
CREATE INDEX `uploads_user_idx` ON `uploads` (`user_id`);--> statement-breakpoint
CREATE INDEX `uploads_created_idx` ON `uploads` (`created_at`);
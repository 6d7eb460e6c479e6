CREATE TABLE `outbox_messages` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`channel` enum('email','sms') NOT NULL,
	`recipient` varchar(254) NOT NULL,
	`subject` varchar(255),
	`body` text NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `outbox_messages_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `user_identities` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`user_id` int unsigned NOT NULL,
	`kind` enum('email','phone','oauth') NOT NULL,
	`provider` varchar(32) NOT NULL,
	`subject` varchar(255) NOT NULL,
	`label` varchar(254),
	`verified_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `user_identities_id` PRIMARY KEY(`id`),
	CONSTRAINT `user_identities_provider_subject_uq` UNIQUE(`provider`,`subject`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`nickname` varchar(32) NOT NULL,
	`avatar` varchar(255),
	`locale` enum('en','zh-CN') NOT NULL DEFAULT 'en',
	`birthday` date,
	`status` enum('pending','active','locked') NOT NULL DEFAULT 'pending',
	`password_hash` varchar(255),
	`locked_until` datetime(3),
	`registration_ip` varchar(45),
	`last_login_at` datetime(3),
	`last_login_ip` varchar(45),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`deleted_at` datetime(3),
	CONSTRAINT `users_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `user_identities` ADD CONSTRAINT `user_identities_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `outbox_recipient_idx` ON `outbox_messages` (`recipient`,`id`);--> statement-breakpoint
CREATE INDEX `user_identities_user_idx` ON `user_identities` (`user_id`,`kind`);--> statement-breakpoint
CREATE INDEX `users_status_created_idx` ON `users` (`status`,`created_at`);
CREATE TABLE `audit_log` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`action` enum('login','login.failed','password.reset','session.revoked','role.created','role.updated','role.deleted','user.roles','user.locked','user.unlocked','user.deleted','user.restored') NOT NULL,
	`actor_id` int unsigned,
	`target_type` enum('user','role','session'),
	`target_id` varchar(64),
	`ip` varchar(45),
	`user_agent` varchar(512),
	`before` json,
	`after` json,
	CONSTRAINT `audit_log_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `audit_action_at_idx` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE INDEX `audit_actor_at_idx` ON `audit_log` (`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_target_at_idx` ON `audit_log` (`target_type`,`target_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);
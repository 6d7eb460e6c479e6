CREATE TABLE `role_permissions` (
	`role_id` int unsigned NOT NULL,
	`permission` enum('users.read','users.write','content.moderate','roles.manage','stats.read','system.settings','audit.read','exports.run') NOT NULL,
	CONSTRAINT `role_permissions_role_id_permission_pk` PRIMARY KEY(`role_id`,`permission`)
);
--> statement-breakpoint
CREATE TABLE `roles` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(50) NOT NULL,
	`description` varchar(200) NOT NULL DEFAULT '',
	`seed_key` enum('system','customer-service','operations','marketing','sales','junior','senior'),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `roles_id` PRIMARY KEY(`id`),
	CONSTRAINT `roles_name_uq` UNIQUE(`name`),
	CONSTRAINT `roles_seed_key_uq` UNIQUE(`seed_key`)
);
--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user_id` int unsigned NOT NULL,
	`role_id` int unsigned NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `user_roles_user_id_role_id_pk` PRIMARY KEY(`user_id`,`role_id`)
);
--> statement-breakpoint
ALTER TABLE `user_permissions` MODIFY COLUMN `permission` enum('users.read','users.write','content.moderate','roles.manage','stats.read','system.settings','audit.read','exports.run') NOT NULL;--> statement-breakpoint
ALTER TABLE `role_permissions` ADD CONSTRAINT `role_permissions_role_id_roles_id_fk` FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `user_roles` ADD CONSTRAINT `user_roles_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `user_roles` ADD CONSTRAINT `user_roles_role_id_roles_id_fk` FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `role_permissions_permission_idx` ON `role_permissions` (`permission`,`role_id`);--> statement-breakpoint
CREATE INDEX `user_roles_role_idx` ON `user_roles` (`role_id`,`user_id`);
--> statement-breakpoint
-- Written by hand below: the seeded roles (SEEDED_ROLES in packages/schema; test/roles.test.ts
-- checks that the two agree), then the permissions granted directly to users before roles
-- existed, each user's as a role of its own, so nobody gains or loses anything.
INSERT INTO `roles` (`name`, `seed_key`) VALUES ('System', 'system'), ('Customer service', 'customer-service'), ('Operations', 'operations'), ('Marketing', 'marketing'), ('Sales', 'sales'), ('Junior staff', 'junior'), ('Senior staff', 'senior');--> statement-breakpoint
INSERT INTO `role_permissions` (`role_id`, `permission`)
  SELECT r.`id`, p.`permission` FROM `roles` r JOIN (
    SELECT 'system' AS `seed_key`, 'users.read' AS `permission`
    UNION ALL SELECT 'system' AS `seed_key`, 'users.write' AS `permission`
    UNION ALL SELECT 'system' AS `seed_key`, 'content.moderate' AS `permission`
    UNION ALL SELECT 'system' AS `seed_key`, 'roles.manage' AS `permission`
    UNION ALL SELECT 'system' AS `seed_key`, 'stats.read' AS `permission`
    UNION ALL SELECT 'system' AS `seed_key`, 'system.settings' AS `permission`
    UNION ALL SELECT 'system' AS `seed_key`, 'audit.read' AS `permission`
    UNION ALL SELECT 'system' AS `seed_key`, 'exports.run' AS `permission`
    UNION ALL SELECT 'customer-service' AS `seed_key`, 'users.read' AS `permission`
    UNION ALL SELECT 'customer-service' AS `seed_key`, 'users.write' AS `permission`
    UNION ALL SELECT 'customer-service' AS `seed_key`, 'audit.read' AS `permission`
    UNION ALL SELECT 'operations' AS `seed_key`, 'users.read' AS `permission`
    UNION ALL SELECT 'operations' AS `seed_key`, 'content.moderate' AS `permission`
    UNION ALL SELECT 'operations' AS `seed_key`, 'stats.read' AS `permission`
    UNION ALL SELECT 'operations' AS `seed_key`, 'exports.run' AS `permission`
    UNION ALL SELECT 'marketing' AS `seed_key`, 'content.moderate' AS `permission`
    UNION ALL SELECT 'marketing' AS `seed_key`, 'stats.read' AS `permission`
    UNION ALL SELECT 'marketing' AS `seed_key`, 'exports.run' AS `permission`
    UNION ALL SELECT 'sales' AS `seed_key`, 'users.read' AS `permission`
    UNION ALL SELECT 'sales' AS `seed_key`, 'stats.read' AS `permission`
    UNION ALL SELECT 'sales' AS `seed_key`, 'exports.run' AS `permission`
    UNION ALL SELECT 'junior' AS `seed_key`, 'users.read' AS `permission`
    UNION ALL SELECT 'junior' AS `seed_key`, 'stats.read' AS `permission`
    UNION ALL SELECT 'senior' AS `seed_key`, 'users.read' AS `permission`
    UNION ALL SELECT 'senior' AS `seed_key`, 'users.write' AS `permission`
    UNION ALL SELECT 'senior' AS `seed_key`, 'content.moderate' AS `permission`
    UNION ALL SELECT 'senior' AS `seed_key`, 'stats.read' AS `permission`
    UNION ALL SELECT 'senior' AS `seed_key`, 'exports.run' AS `permission`
    UNION ALL SELECT 'senior' AS `seed_key`, 'audit.read' AS `permission`
  ) p ON p.`seed_key` = r.`seed_key`;--> statement-breakpoint
INSERT INTO `roles` (`name`, `description`)
  SELECT CONCAT('Granted to user ', `user_id`), 'Made from the permissions granted to this user before roles existed'
  FROM `user_permissions` GROUP BY `user_id`;--> statement-breakpoint
INSERT INTO `role_permissions` (`role_id`, `permission`)
  SELECT r.`id`, up.`permission` FROM `user_permissions` up
  JOIN `roles` r ON r.`name` = CONCAT('Granted to user ', up.`user_id`) AND r.`seed_key` IS NULL;--> statement-breakpoint
INSERT INTO `user_roles` (`user_id`, `role_id`)
  SELECT DISTINCT up.`user_id`, r.`id` FROM `user_permissions` up
  JOIN `roles` r ON r.`name` = CONCAT('Granted to user ', up.`user_id`) AND r.`seed_key` IS NULL;

CREATE INDEX `users_status_idx` ON `users` (`status`);--> statement-breakpoint
CREATE INDEX `users_status_nickname_idx` ON `users` (`status`,`nickname`);--> statement-breakpoint
CREATE INDEX `users_status_login_idx` ON `users` (`status`,`last_login_at`);--> statement-breakpoint
CREATE INDEX `users_created_idx` ON `users` (`created_at`);--> statement-breakpoint
CREATE INDEX `users_login_idx` ON `users` (`last_login_at`);
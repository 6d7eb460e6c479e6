-- One statement: the indexes are replaced together, never missing while the table is read.
ALTER TABLE `users`
  DROP INDEX `users_status_created_idx`,
  ADD INDEX `users_status_created_idx` (`status`,`deleted_at`,`created_at`),
  DROP INDEX `users_status_idx`,
  ADD INDEX `users_status_idx` (`status`,`deleted_at`),
  DROP INDEX `users_status_nickname_idx`,
  ADD INDEX `users_status_nickname_idx` (`status`,`deleted_at`,`nickname`),
  DROP INDEX `users_status_login_idx`,
  ADD INDEX `users_status_login_idx` (`status`,`deleted_at`,`last_login_at`);

ALTER TABLE `blogs` ADD `featured` boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `blogs_featured_pub_idx` ON `blogs` (`featured`,`status`,`deleted_at`,`pub_date`,`id`);
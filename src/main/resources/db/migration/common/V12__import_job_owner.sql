-- Which instance runs an import job, and when that instance last said it is alive (issue 12). With several instances
-- on one database, an instance fails only the unfinished jobs whose instance went quiet, not the ones another
-- instance is running. Additive (nullable columns): the previous release ignores them.
ALTER TABLE import_job ADD COLUMN owner VARCHAR(36);
ALTER TABLE import_job ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;

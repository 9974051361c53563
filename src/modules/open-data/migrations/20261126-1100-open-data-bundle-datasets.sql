-- What each bundle holds (dataset, description, rows), so the open-data page reads it from the
-- stored bundle instead of computing every dataset on each view.
alter table open_data_bundle add column datasets jsonb not null default '[]';

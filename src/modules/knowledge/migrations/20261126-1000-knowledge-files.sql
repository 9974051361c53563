-- A library item may carry its file (a paper in PDF, a data set in CSV or a spreadsheet), kept in
-- the database like contributions' attachments, so a backup and every app instance have it.
alter table knowledge_item add column file_name text;
alter table knowledge_item add column file_media_type text;
alter table knowledge_item add column file_size integer;
alter table knowledge_item add column file_sha256 text;
alter table knowledge_item add column file_content bytea;

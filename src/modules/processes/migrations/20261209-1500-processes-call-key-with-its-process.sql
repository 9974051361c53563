-- A call together with its process as one key, so that a row naming both (a contribution) can
-- check them with one foreign key instead of two, and cannot name a call of another process.
alter table processes_call add constraint processes_call_id_process_id_key unique (id, process_id);

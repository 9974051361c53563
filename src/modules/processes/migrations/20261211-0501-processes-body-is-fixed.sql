-- A process never changes body (issue 13): the counts other modules keep per body (the
-- contributions module counts each person once per body, through processes_body_of) are added up
-- by the body a process had when each contribution was written. 20261210-0500 relied on no command
-- updating body_id; nothing refused it. Now the database does, whatever path tries (the module's
-- Kysely type already makes body_id a column that is set on insert and never updated). A process
-- meant for another body is a new process there; `ecp import` only inserts.
create function processes_process_keep_body() returns trigger language plpgsql as $$
begin
  raise exception 'process %: a process never changes body (% -> %)', old.id, old.body_id, new.body_id
    using errcode = 'check_violation', constraint = 'processes_process_body_fixed';
end
$$;
create trigger processes_process_body_fixed before update of body_id on processes_process
  for each row when (old.body_id is distinct from new.body_id) execute function processes_process_keep_body();

-- The body a process belongs to, for the counts other modules keep per body (the contributions
-- module counts each person once per body for the balance of participation) without reading this
-- module's tables. A process never changes body (no command updates body_id), so a count kept by
-- the body a process had when the contribution was written stays true.
create function processes_body_of(p_process_id bigint) returns bigint language sql stable as $$
  select body_id from processes_process where id = p_process_id
$$;

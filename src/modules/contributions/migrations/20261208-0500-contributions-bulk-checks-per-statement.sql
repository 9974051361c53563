-- A bulk import inserts thousands of contributions in one statement. The per-row triggers made
-- each row pay for a tally upsert and three concluded-process lookups; for INSERT they now
-- run once per statement over the rows it added (transition tables), with the same effect: the
-- tally counts every published row, and a concluded process refuses the whole statement with the
-- same error. UPDATE and DELETE keep their per-row triggers.

drop trigger contributions_tally_change on contributions_contribution;
create trigger contributions_tally_change after update or delete on contributions_contribution
  for each row execute function contributions_tally_change();

create function contributions_tally_added() returns trigger language plpgsql as $$
begin
  insert into contributions_tally
  select process_id, stakeholder_group, coalesce(regional_group, ''), ldc, lldc, sids, language, count(*)
  from added where status = 'published'
  group by 1, 2, 3, 4, 5, 6, 7
  on conflict on constraint contributions_tally_pkey do update set n = contributions_tally.n + excluded.n;
  return null;
end
$$;
create trigger contributions_tally_added after insert on contributions_contribution
  referencing new table as added for each statement execute function contributions_tally_added();

-- the concluded-process guard: per statement for INSERT. A contribution submitted on the platform
-- (no external id) keeps its per-row guard, which runs before the unique checks, so a second
-- contribution to a concluded process is refused as such, not as a duplicate; imported rows are
-- checked once per statement, after.
drop trigger contributions_contribution_concluded on contributions_contribution;
create trigger contributions_contribution_concluded before update or delete on contributions_contribution
  for each row execute function contributions_contribution_guard_concluded();
create trigger contributions_contribution_submitted_concluded before insert on contributions_contribution
  for each row when (new.external_id is null) execute function contributions_contribution_guard_concluded();
create function contributions_contribution_added_guard() returns trigger language plpgsql as $$
declare
  p bigint;
begin
  for p in select distinct process_id from added loop
    perform processes_refuse_if_concluded(p, tg_table_name);
  end loop;
  return null;
end
$$;
create trigger contributions_contribution_added_concluded after insert on contributions_contribution
  referencing new table as added for each statement execute function contributions_contribution_added_guard();

drop trigger contributions_revision_concluded on contributions_revision;
create trigger contributions_revision_concluded before update or delete on contributions_revision
  for each row execute function contributions_row_guard_concluded();
create function contributions_revision_added_guard() returns trigger language plpgsql as $$
declare
  p bigint;
begin
  for p in select distinct c.process_id from added r join contributions_contribution c on c.id = r.contribution_id loop
    perform processes_refuse_if_concluded(p, tg_table_name);
  end loop;
  return null;
end
$$;
create trigger contributions_revision_added_concluded after insert on contributions_revision
  referencing new table as added for each statement execute function contributions_revision_added_guard();

drop trigger contributions_answer_concluded on contributions_answer;
create trigger contributions_answer_concluded before update or delete on contributions_answer
  for each row execute function contributions_answer_guard_concluded();
create function contributions_answer_added_guard() returns trigger language plpgsql as $$
declare
  p bigint;
begin
  for p in select distinct c.process_id from added a
    join contributions_revision r on r.id = a.revision_id
    join contributions_contribution c on c.id = r.contribution_id loop
    perform processes_refuse_if_concluded(p, tg_table_name);
  end loop;
  return null;
end
$$;
create trigger contributions_answer_added_concluded after insert on contributions_answer
  referencing new table as added for each statement execute function contributions_answer_added_guard();

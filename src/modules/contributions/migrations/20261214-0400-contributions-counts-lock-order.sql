-- The kept counts locked in one order by every write: the tally, the person turns, the speakers, the
-- people (each table's rows in key order), as an import batch's count does
-- (contributions_counts_of_batch, 20261213-0200).
--
-- A write on the platform counted in its statement's triggers, and not in that order. An insert's
-- two statement triggers fire in name order: contributions_counts_added (turns, speakers, people)
-- before contributions_tally_added (the tally). A submission holding a process's people counts
-- then waited for its tally row, held by an import batch of another call of the process that was
-- waiting for those people counts: a deadlock (counts-lock-order.test.ts), one of the two rolled
-- back. An update or a delete counted the tally in a row trigger (fired before the statement's
-- count, so in order) but one row at a time: a revision from French to English took the French
-- tally row before the English one, a batch takes them the other way round; and a statement
-- changing many rows took their tally rows in the order of the rows.
--
-- Now the tally is counted by the same statement trigger as the rest, first, from the same rows
-- (contributions_counted carries every column of the tally's key), in one statement in key order;
-- the tally's own triggers are gone. An update counts only the rows whose counted values changed (the
-- row trigger took a tally row for every update of a published contribution, a revision's text
-- too). The import batch's path (ecp.counts_later, contributions_counts_of_batch) is unchanged.

drop trigger contributions_tally_change on contributions_contribution;
drop trigger contributions_tally_added on contributions_contribution;
drop function contributions_tally_change();
drop function contributions_tally_added();

-- the tally's change from rows added and removed (a row counted when published), in key order
create function contributions_tally_change(added contributions_counted[], removed contributions_counted[])
  returns void language sql as $$
  insert into contributions_tally
  select process_id, stakeholder_group, coalesce(regional_group, ''), ldc, lldc, sids, language, sum(sign)
  from (select 1 as sign, * from unnest(added) union all select -1, * from unnest(removed)) r
  where status = 'published'
  group by 1, 2, 3, 4, 5, 6, 7
  having sum(sign) <> 0
  order by 1, 2, 3, 4, 5, 6, 7
  on conflict on constraint contributions_tally_pkey do update set n = contributions_tally.n + excluded.n
$$;

create or replace function contributions_counts_added() returns trigger language plpgsql as $$
declare
  added contributions_counted[];
begin
  if coalesce(current_setting('ecp.counts_later', true), '') = 'on' then
    return null;
  end if;
  added := array(select contributions_counted_of(a) from added a);
  perform contributions_tally_change(added, '{}');
  perform contributions_counts_change(added, '{}');
  return null;
end
$$;

create or replace function contributions_counts_removed() returns trigger language plpgsql as $$
declare
  removed contributions_counted[];
begin
  removed := array(select contributions_counted_of(r) from removed r);
  perform contributions_tally_change('{}', removed);
  perform contributions_counts_change('{}', removed);
  return null;
end
$$;

-- an update counts only the rows whose counted values changed (a revision's new text changes none)
create or replace function contributions_counts_updated() returns trigger language plpgsql as $$
declare
  now_rows contributions_counted[];
  before_rows contributions_counted[];
begin
  with changed as (
    select contributions_counted_of(a) as a, contributions_counted_of(r) as r
    from added a join removed r using (id))
  select array(select c.a from changed c where c.a is distinct from c.r),
    array(select c.r from changed c where c.a is distinct from c.r)
  into now_rows, before_rows;
  if cardinality(now_rows) = 0 then
    return null;
  end if;
  perform contributions_tally_change(now_rows, before_rows);
  perform contributions_counts_change(now_rows, before_rows);
  return null;
end
$$;

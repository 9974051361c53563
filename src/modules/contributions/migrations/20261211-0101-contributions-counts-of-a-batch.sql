-- A bulk import writes two batches at once, on two connections, and commits them in file order.
-- The kept counts (the tally, 20261208-0500; the speakers and people, 20261210-0501) lock the count
-- rows they add to until the batch commits: a later batch that counted first would hold a row the
-- earlier one waits for, while the import waits for the earlier one to commit before the later one:
-- a deadlock PostgreSQL cannot see. So an import batch's insert leaves its counting out
-- (`set local ecp.counts_later = 'on'`, as ecp.search_later leaves out the search index) and counts
-- its rows afterwards with contributions_counts_of_batch, in file order, just before it commits:
-- the count rows are then locked by one batch of an import at a time, and each batch's count reads
-- the batches before it committed, as a sequential import did. Any other insert counts as before.

create or replace function contributions_tally_added() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('ecp.counts_later', true), '') = 'on' then
    return null;
  end if;
  insert into contributions_tally
  select process_id, stakeholder_group, coalesce(regional_group, ''), ldc, lldc, sids, language, count(*)
  from added where status = 'published'
  group by 1, 2, 3, 4, 5, 6, 7
  on conflict on constraint contributions_tally_pkey do update set n = contributions_tally.n + excluded.n;
  return null;
end
$$;

create or replace function contributions_counts_added() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('ecp.counts_later', true), '') = 'on' then
    return null;
  end if;
  perform contributions_counts_change(array(select contributions_counted_of(a) from added a), '{}');
  return null;
end
$$;

-- the counts of contributions inserted with ecp.counts_later on, by id: what the two triggers above
-- would have added for them
create function contributions_counts_of_batch(ids bigint[]) returns void language plpgsql as $$
begin
  insert into contributions_tally
  select process_id, stakeholder_group, coalesce(regional_group, ''), ldc, lldc, sids, language, count(*)
  from contributions_contribution where id = any(ids) and status = 'published'
  group by 1, 2, 3, 4, 5, 6, 7
  on conflict on constraint contributions_tally_pkey do update set n = contributions_tally.n + excluded.n;
  perform contributions_counts_change(
    array(select contributions_counted_of(c) from contributions_contribution c where id = any(ids)), '{}');
end
$$;

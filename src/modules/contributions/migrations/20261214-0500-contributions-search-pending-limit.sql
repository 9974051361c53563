-- The text index's pending-list limit has one source: the index itself (its reloption, 1 MB since
-- 20261208-0600, or whatever an operator set since). A large write widens it to 64 MB so that its
-- new entries merge in a few sorted passes (20261211-0200); the campaign function and the import's
-- search pass (queries-bulk.ts) then each set 1 MB back as a literal of their own, so an operator's
-- limit was lost at the next large write, and the two could drift apart. Both now widen and
-- restore through the two functions below, which keep the limit the index had.
--
-- The limit found is kept in a row, not only in the caller's memory: the import's pass spans many
-- transactions, and one interrupted after widening (a crash, a killed command) would otherwise
-- leave 64 MB for the next pass to take as the index's own. Two passes at once keep the first's
-- limit: the second finds the row there, and the first to finish restores it (the other goes on
-- with the index's own limit, merging more often; it finds no row to restore).
create table contributions_search_pending_kept (
  one boolean not null default true constraint contributions_search_pending_kept_pkey primary key
    constraint contributions_search_pending_kept_one check (one),
  -- null: the index had no limit of its own (the server's gin_pending_list_limit applied)
  limit_kb integer
);

-- the text index's own limit (kB) now, or null when it has none
create function contributions_search_pending_limit() returns integer language sql stable as $$
  select (select o.option_value::integer
    from pg_class c, pg_options_to_table(c.reloptions) o
    where c.oid = 'contributions_search_document'::regclass and o.option_name = 'gin_pending_list_limit')
$$;

-- widens the limit to `wide` kB for a large write, keeping the one it had (unless a pass that has
-- not restored yet kept it already)
create function contributions_search_pending_widen(wide integer) returns void language plpgsql as $$
begin
  insert into contributions_search_pending_kept (limit_kb) values (contributions_search_pending_limit())
  on conflict on constraint contributions_search_pending_kept_pkey do nothing;
  execute format('alter index contributions_search_document set (gin_pending_list_limit = %s)', wide);
end
$$;

-- merges the pending list (in sorted passes, with memory for them) and gives the index back the
-- limit kept; nothing when no limit is kept (another pass restored it already)
create function contributions_search_pending_restore() returns void language plpgsql as $$
declare
  kept integer;
begin
  delete from contributions_search_pending_kept returning limit_kb into kept;
  if not found then
    return;
  end if;
  perform set_config('maintenance_work_mem', '256MB', true);
  perform gin_clean_pending_list('contributions_search_document'::regclass);
  if kept is null then
    alter index contributions_search_document reset (gin_pending_list_limit);
  else
    execute format('alter index contributions_search_document set (gin_pending_list_limit = %s)', kept);
  end if;
end
$$;

-- as in 20261211-0700, widening and restoring through the functions above
create or replace function contributions_search_campaign(ids bigint[], member boolean) returns void
  language plpgsql as $$
declare
  many constant boolean := cardinality(ids) > 2000;
begin
  if many then
    perform contributions_search_pending_widen(65536);
    perform set_config('work_mem', '64MB', true), set_config('maintenance_work_mem', '256MB', true);
  end if;
  update contributions_search s
  set document = ts_delete(s.document, array['in campaign', 'no campaign'])
    || contributions_search_membership_term(member)
  where s.contribution_id in (select unnest(ids))
    and not s.document @@ (case when member then '''in campaign''' else '''no campaign''' end)::tsquery;
  if many then
    perform contributions_search_pending_restore();
  end if;
end
$$;

-- The participation counts' change (20261210-0501) again, one line changed: the test of the
-- processes whose body is unknown was pushed by the planner below the union that makes them
-- distinct, so processes_body_of (a query of its own, never inlined) ran once per row the statement
-- counted (5,000 for an import batch: 5 % of the database's work on an import) instead of once per
-- process. `offset 0` keeps the union whole; everything else is as it was.
create or replace function contributions_counts_change(added contributions_counted[], removed contributions_counted[])
  returns void language plpgsql set plan_cache_mode = force_custom_plan as $$
declare
  persons text[];
  now_rows contributions_counted[];
  before_rows contributions_counted[];
begin
  insert into contributions_speaker_count
  select process_id, call_id, speaking_for, member_state_iso3, organization_id, stakeholder_group, regional_group,
    ldc, lldc, sids, language, status, created_year, extract(year from published_at at time zone 'UTC')::int,
    sum(sign)
  from (select 1 as sign, * from unnest(added) union all select -1, * from unnest(removed)) r
  group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
  having sum(sign) <> 0
  on conflict on constraint contributions_speaker_count_key do update
    set n = contributions_speaker_count.n + excluded.n;

  persons := array(select distinct person from (select * from unnest(added) union all select * from unnest(removed)) r
    where person is not null and status = 'published');
  if cardinality(persons) = 0 then
    return;
  end if;
  -- their published contributions now, and as they were before the statement
  -- (each person looked up by the index: `offset 0` keeps the planner from scanning all of it)
  now_rows := array(select k.* from unnest(persons) p (person)
    cross join lateral (select contributions_counted_of(c) from contributions_contribution c
      where contributions_person(c.speaking_for, c.import_id, c.author_account_id, c.contributor_name) = p.person
        and c.speaking_for = 'self' and c.status = 'published' offset 0) k);
  before_rows := array(
    select n from unnest(now_rows) n where not exists (select 1 from unnest(added) a where a.id = n.id)
    union all
    select r from unnest(removed) r where r.person is not null and r.status = 'published');
  insert into contributions_people_pending
  select p.process_id from (select process_id from unnest(now_rows) union select process_id from unnest(before_rows)
    offset 0) p
  where processes_body_of(p.process_id) is null
  on conflict on constraint contributions_people_pending_pkey do nothing;
  -- each person once per scope, as they are now (+1) and were before (-1), with the groups of their
  -- earliest published contribution there and every language they wrote in; the difference added
  insert into contributions_people_count
  with r as (select 1 as sign, * from unnest(now_rows) union all select -1, * from unnest(before_rows)),
    -- materialized: else the body is looked up again for every row that names it
    body as materialized (select p.process_id, processes_body_of(p.process_id) as body_id
      from (select distinct process_id from r) p),
    rb as (select r.*, body.body_id, extract(year from r.published_at at time zone 'UTC')::bigint as year
      from r join body using (process_id)),
    -- people with more than one contribution here: their first and their languages are worked out
    several as materialized (select sign, person from r group by sign, person having count(*) > 1),
    -- the others (most of them) are their one contribution: counted by profile before the scopes
    one as (
      select rb.sign, process_id, call_id, body_id, year, stakeholder_group, regional_group, ldc, lldc, sids,
        language, count(*) as n
      from rb left join several m on m.sign = rb.sign and m.person = rb.person
      where m.person is null
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
    person as (
      select sign * n as d, s.scope, s.scope_id, stakeholder_group, regional_group, ldc, lldc, sids,
        array[language] as languages
      from one cross join lateral (values ('process', process_id), ('call', call_id), ('body', body_id),
        ('year', year)) s(scope, scope_id)
      where s.scope_id is not null
      union all
      select rb.sign, s.scope, s.scope_id,
        (array_agg(stakeholder_group order by published_at, id))[1],
        (array_agg(regional_group order by published_at, id))[1],
        (array_agg(ldc order by published_at, id))[1],
        (array_agg(lldc order by published_at, id))[1],
        (array_agg(sids order by published_at, id))[1],
        array_agg(distinct language order by language)
      from rb join several m on m.sign = rb.sign and m.person = rb.person
        cross join lateral (values ('process', process_id), ('call', call_id), ('body', body_id),
          ('year', year)) s(scope, scope_id)
      where s.scope_id is not null
      group by rb.sign, s.scope, s.scope_id, rb.person)
  select scope, scope_id, stakeholder_group, regional_group, ldc, lldc, sids, languages, sum(d)
  from person
  group by 1, 2, 3, 4, 5, 6, 7, 8
  having sum(d) <> 0
  on conflict on constraint contributions_people_count_key do update
    set people = contributions_people_count.people + excluded.people;
end
$$;

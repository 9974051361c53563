-- An import batch's kept counts for less (issue 13's intake budget: about 14 s of PostgreSQL's CPU
-- per million imported rows, a third of the import's). contributions_counts_of_batch made an array of
-- each row's counted values (sixteen of them, a composite per row), then handed it to
-- contributions_counts_change, which unnested it six times: for the people, the speakers, the rows of
-- people counted for the first time, the rows before, the pending processes and the people counts,
-- each person's rows grouped by person before their scopes.
--
-- Now a batch's rows are read once, into what each count needs: the speaker counts' rows (a few
-- dozen: the tally is theirs, summed), the people, the people named twice in the batch, and the people
-- counts of everyone named once, grouped by what their count depends on (process, call, year, groups,
-- language) before the four scopes. Most people of an import are named once and counted for the
-- first time: their count is their row's, so those groups are the people counts' change. The others
-- (named twice in the batch, or counted before: their person turn row was there) are counted as
-- before, each person's rows grouped, in the same statement: the people counts' rows are still
-- locked in one pass, in key order. The order of the locks is unchanged: the tally, the person turns
-- (20261211-0500, which still serialize the counting of one person), the speakers, the people.
-- contributions_people_deltas is the people counts' change from rows now and before, as
-- contributions_counts_change worked it out (20261212-0100), which now calls it too.

create function contributions_people_deltas(now_rows contributions_counted[], before_rows contributions_counted[])
  returns table (scope text, scope_id bigint, stakeholder_group text, regional_group text, ldc boolean,
    lldc boolean, sids boolean, languages text[], d bigint)
  language sql stable as $$
  with r as (select 1 as sign, * from unnest(now_rows) union all select -1, * from unnest(before_rows)),
    -- materialized: else the body is looked up again for every row that names it
    body as materialized (select p.process_id, processes_body_of(p.process_id) as body_id
      from (select distinct process_id from r) p),
    rb as (select r.*, body.body_id, extract(year from r.published_at at time zone 'UTC')::bigint as year
      from r join body using (process_id)),
    -- people with more than one contribution here: their first and their languages are worked out
    several as materialized (select sign, person from r group by sign, person having count(*) > 1),
    one as (
      select rb.sign, process_id, call_id, body_id, year, stakeholder_group, regional_group, ldc, lldc, sids,
        language, count(*) as n
      from rb left join several m on m.sign = rb.sign and m.person = rb.person
      where m.person is null
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
  select s.scope, s.scope_id, stakeholder_group, regional_group, ldc, lldc, sids, array[language], sign * n
  from one cross join lateral (values ('process', process_id), ('call', call_id), ('body', body_id),
    ('year', year)) s(scope, scope_id)
  where s.scope_id is not null
  union all
  -- (their earliest row picked by one ordered aggregate, not one per group: each sorts)
  select scope, scope_id, (first).stakeholder_group, (first).regional_group, (first).ldc, (first).lldc, (first).sids,
    languages, sign::bigint
  from (select rb.sign, s.scope, s.scope_id,
      (array_agg(row(rb.id, rb.process_id, rb.call_id, rb.speaking_for, rb.member_state_iso3, rb.organization_id,
        rb.person, rb.stakeholder_group, rb.regional_group, rb.ldc, rb.lldc, rb.sids, rb.language, rb.status,
        rb.created_year, rb.published_at)::contributions_counted order by rb.published_at, rb.id))[1] as first,
      array_agg(distinct rb.language order by rb.language) as languages
    from rb join several m on m.sign = rb.sign and m.person = rb.person
      cross join lateral (values ('process', process_id), ('call', call_id), ('body', body_id),
        ('year', year)) s(scope, scope_id)
    where s.scope_id is not null
    group by rb.sign, s.scope, s.scope_id, rb.person) f
$$;

create or replace function contributions_counts_change(added contributions_counted[], removed contributions_counted[])
  returns void language plpgsql set plan_cache_mode = force_custom_plan as $$
declare
  persons text[];
  -- keys of the people whose turn row this statement inserted: counted for the first time
  fresh bigint[];
  now_rows contributions_counted[];
  before_rows contributions_counted[];
begin
  persons := array(select distinct person from (select * from unnest(added) union all select * from unnest(removed)) r
    where person is not null and status = 'published');
  -- each person's turn, in key order (20261211-0500); the keys inserted (not found) come back
  with t as (insert into contributions_person_turn
    select distinct contributions_person_key(p) from unnest(persons) p order by 1
    on conflict on constraint contributions_person_turn_pkey do update set person_key = excluded.person_key where false
    returning person_key)
  select coalesce(array_agg(person_key), '{}') into fresh from t;
  insert into contributions_speaker_count
  select process_id, call_id, speaking_for, member_state_iso3, organization_id, stakeholder_group, regional_group,
    ldc, lldc, sids, language, status, created_year, extract(year from published_at at time zone 'UTC')::int,
    sum(sign)
  from (select 1 as sign, * from unnest(added) union all select -1, * from unnest(removed)) r
  group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
  having sum(sign) <> 0
  order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
  on conflict on constraint contributions_speaker_count_key do update
    set n = contributions_speaker_count.n + excluded.n;

  if cardinality(persons) = 0 then
    return;
  end if;
  -- their published contributions now: a person counted for the first time has only this
  -- statement's (20261212-0100); the others are looked up by the index (`offset 0`: each person by it)
  now_rows := array(
    select a from unnest(added) a
    where a.person is not null and a.status = 'published' and contributions_person_key(a.person) = any(fresh)
    union all
    select k.* from unnest(persons) p (person)
    cross join lateral (select contributions_counted_of(c) from contributions_contribution c
      where contributions_person(c.speaking_for, c.import_id, c.author_account_id, c.contributor_name) = p.person
        and c.speaking_for = 'self' and c.status = 'published' offset 0) k
    where not contributions_person_key(p.person) = any(fresh));
  before_rows := array(
    select n from unnest(now_rows) n where not exists (select 1 from unnest(added) a where a.id = n.id)
    union all
    select r from unnest(removed) r where r.person is not null and r.status = 'published');
  -- (`offset 0`: the body of each process once, not of each row)
  insert into contributions_people_pending
  select p.process_id from (select process_id from unnest(now_rows) union select process_id from unnest(before_rows)
    offset 0) p
  where processes_body_of(p.process_id) is null
  on conflict on constraint contributions_people_pending_pkey do nothing;
  insert into contributions_people_count
  select scope, scope_id, stakeholder_group, regional_group, ldc, lldc, sids, languages, sum(d)
  from contributions_people_deltas(now_rows, before_rows)
  group by 1, 2, 3, 4, 5, 6, 7, 8
  having sum(d) <> 0
  order by 1, 2, 3, 4, 5, 6, 7, 8
  on conflict on constraint contributions_people_count_key do update
    set people = contributions_people_count.people + excluded.people;
end
$$;

create or replace function contributions_counts_of_batch(ids bigint[]) returns void language plpgsql
  set plan_cache_mode = force_custom_plan as $$
declare
  -- a batch's ids come from one call of nextval: its range bounds the primary key's scan
  lo bigint := (select min(i) from unnest(ids) i);
  hi bigint := (select max(i) from unnest(ids) i);
  -- the UTC year of the batch's first row, from its first instant to the next year's: a row's year is
  -- found by two comparisons when it falls in it (a time zone conversion each was a sixth of the read)
  batch_year integer := coalesce((select extract(year from coalesce(c.published_at, c.created_at) at time zone 'UTC')::int
    from contributions_contribution c where c.id = lo), 1);
  from_at timestamptz := make_timestamptz(batch_year, 1, 1, 0, 0, 0, 'UTC');
  to_at timestamptz := make_timestamptz(batch_year + 1, 1, 1, 0, 0, 0, 'UTC');
  speakers contributions_speaker_count[];
  -- the people's keys (contributions_person_key), and those named more than once in the batch
  keys bigint[];
  several bigint[];
  -- the people counts' change were everyone counted once, for the first time (see above)
  once contributions_people_count[];
  processes bigint[];
  fresh bigint[];
  -- people counted before this batch (their turn row was there), and their published rows outside it
  seen bigint[];
  other contributions_counted[] := '{}';
  -- the people counted one by one (named twice, or seen), and their rows in the batch
  apart bigint[];
  apart_rows contributions_counted[] := '{}';
begin
  -- the batch's rows, read once (`+ 0`: a filter checked in a hash of the list, not a descent of the
  -- index per id: 20261212-0100); each count's groups made from them (a body unknown yet: no body
  -- scope, see contributions_people_pending)
  with b as materialized (
    select c.process_id, c.call_id, c.speaking_for, c.member_state_iso3, c.organization_id, c.stakeholder_group,
      c.regional_group, c.ldc, c.lldc, c.sids, c.language, c.status,
      case when c.created_at >= from_at and c.created_at < to_at then batch_year
        else extract(year from c.created_at at time zone 'UTC')::int end as created_year,
      case when coalesce(c.published_at, c.created_at) >= from_at and coalesce(c.published_at, c.created_at) < to_at
        then batch_year else extract(year from coalesce(c.published_at, c.created_at) at time zone 'UTC')::int end
        as published_year,
      case when c.speaking_for = 'self' and c.status = 'published' then contributions_person_key(
        contributions_person(c.speaking_for, c.import_id, c.author_account_id, c.contributor_name)) end as key
    from contributions_contribution c
    where c.id between lo and hi and c.id + 0 = any(ids)),
    p as (select key, count(*) as n from b where key is not null group by key)
  select
    array(select g::contributions_speaker_count
      from (select process_id, call_id, speaking_for, member_state_iso3, organization_id, stakeholder_group,
          regional_group, ldc, lldc, sids, language, status, created_year, published_year, count(*)::int
        from b group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14) g),
    array(select key from p order by key),
    array(select key from p where n > 1)
  into speakers, keys, several;
  -- the people's rows are the speakers' rows of people speaking for themselves, published (their
  -- name or account is never null): grouped again from those few
  once := array(select row(s.scope, s.scope_id, g.stakeholder_group, g.regional_group, g.ldc, g.lldc, g.sids,
      array[g.language], g.n)::contributions_people_count
    from (select process_id, call_id, published_year, stakeholder_group, regional_group, ldc, lldc, sids, language,
        sum(n) as n
      from unnest(speakers) where speaking_for = 'self' and status = 'published' group by 1, 2, 3, 4, 5, 6, 7, 8, 9) g
    cross join lateral (values ('process', g.process_id), ('call', g.call_id),
      ('body', processes_body_of(g.process_id)), ('year', g.published_year::bigint)) s(scope, scope_id)
    where s.scope_id is not null);
  processes := array(select distinct process_id from unnest(speakers) where speaking_for = 'self' and status = 'published');

  insert into contributions_tally
  select process_id, stakeholder_group, coalesce(regional_group, ''), ldc, lldc, sids, language, sum(n)
  from unnest(speakers) where status = 'published'
  group by 1, 2, 3, 4, 5, 6, 7
  order by 1, 2, 3, 4, 5, 6, 7
  on conflict on constraint contributions_tally_pkey do update set n = contributions_tally.n + excluded.n;
  -- each person's turn, in key order (20261211-0500); the keys inserted (not found) come back
  with t as (insert into contributions_person_turn
    select k from unnest(keys) k order by 1
    on conflict on constraint contributions_person_turn_pkey do update set person_key = excluded.person_key where false
    returning person_key)
  select coalesce(array_agg(person_key), '{}') into fresh from t;
  insert into contributions_speaker_count
  select * from unnest(speakers)
  order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
  on conflict on constraint contributions_speaker_count_key do update
    set n = contributions_speaker_count.n + excluded.n;
  if cardinality(keys) = 0 then
    return;
  end if;

  -- a person whose turn row was there was counted before: their published rows outside the batch,
  -- read after the turn was taken (this statement's snapshot has what the turn's holder committed)
  seen := array(select k from unnest(keys) k where not k = any(fresh));
  apart := several || seen;
  if cardinality(apart) > 0 then
    -- (`offset 0`: the batch's rows by their range, then filtered; with the person index's own
    -- condition beside them, the planner read all of that index)
    apart_rows := array(select k from (select contributions_counted_of(c) as k from contributions_contribution c
        where c.id between lo and hi and c.id + 0 = any(ids) offset 0) r
      where (k).person is not null and (k).status = 'published' and contributions_person_key((k).person) = any(apart));
    -- (`offset 0`: each person looked up by the index)
    other := array(select k.* from (select distinct a.person from unnest(apart_rows) a
        where contributions_person_key(a.person) = any(seen)) p
      cross join lateral (select contributions_counted_of(c) from contributions_contribution c
        where contributions_person(c.speaking_for, c.import_id, c.author_account_id, c.contributor_name) = p.person
          and c.speaking_for = 'self' and c.status = 'published'
          and not (c.id between lo and hi and c.id + 0 = any(ids)) offset 0) k);
    processes := processes || array(select process_id from unnest(other));
    -- the people counted one by one are taken out of the groups of the others
    once := once || array(select row(s.scope, s.scope_id, g.stakeholder_group, g.regional_group, g.ldc, g.lldc,
        g.sids, array[g.language], -g.n)::contributions_people_count
      from (select process_id, call_id, extract(year from published_at at time zone 'UTC')::bigint as year,
          stakeholder_group, regional_group, ldc, lldc, sids, language, count(*) as n
        from unnest(apart_rows) group by 1, 2, 3, 4, 5, 6, 7, 8, 9) g
      cross join lateral (values ('process', g.process_id), ('call', g.call_id),
        ('body', processes_body_of(g.process_id)), ('year', g.year)) s(scope, scope_id)
      where s.scope_id is not null);
  end if;

  -- (`offset 0`: the body of each process once)
  insert into contributions_people_pending
  select p.process_id from (select distinct process_id from unnest(processes) process_id offset 0) p
  where processes_body_of(p.process_id) is null
  on conflict on constraint contributions_people_pending_pkey do nothing;
  -- one statement, in key order: the people counts' rows are locked in one pass
  insert into contributions_people_count
  select scope, scope_id, stakeholder_group, regional_group, ldc, lldc, sids, languages, sum(d)
  from (select scope, scope_id, stakeholder_group, regional_group, ldc, lldc, sids, languages, people::bigint as d
      from unnest(once)
    union all
    select * from contributions_people_deltas(apart_rows || other, other)) c
  group by 1, 2, 3, 4, 5, 6, 7, 8
  having sum(d) <> 0
  order by 1, 2, 3, 4, 5, 6, 7, 8
  on conflict on constraint contributions_people_count_key do update
    set people = contributions_people_count.people + excluded.people;
end
$$;

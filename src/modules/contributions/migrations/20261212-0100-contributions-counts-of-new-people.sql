-- A bulk import's kept counts for less (issue 13's intake budget): they were about half of what
-- PostgreSQL does for an import batch of 5,000 people it had never seen.
--
-- 1. contributions_counts_change looked each person up in the contributions (the person index) to
-- read their published contributions, though for a person never counted before those are just the
-- rows being counted. Now: every person with a published contribution has a turn row
-- (contributions_person_turn, 20261211-0500: whoever counts a person upserts it; the rows published
-- before that migration get theirs below), and turn rows are never deleted. So when the upsert
-- inserts a person's turn row (rather than finding it), no contribution of that person was ever
-- counted, hence none is published outside this statement's rows, and none will be until this
-- transaction ends (a second transaction counting them waits on the new row); their published
-- contributions are this statement's own: read from its arrays, not looked up. People already seen
-- (or whose 64-bit key another shares) are looked up as before.
-- 2. The pending processes were checked with processes_body_of once per row rather than once per
-- process (the condition was pushed below the union that makes them distinct): `offset 0` keeps it
-- above.
-- 3. contributions_counts_of_batch read the batch's rows twice, each by 5,000 descents of the
-- primary key: now once, as a range of ids (a batch's ids come from one call of nextval) filtered by
-- the list.

insert into contributions_person_turn
select distinct contributions_person_key(contributions_person(speaking_for, import_id, author_account_id, contributor_name))
from contributions_contribution where speaking_for = 'self' and status = 'published'
on conflict on constraint contributions_person_turn_pkey do nothing;

create or replace function contributions_counts_of_batch(ids bigint[]) returns void language plpgsql
  set plan_cache_mode = force_custom_plan as $$
declare
  counted contributions_counted[];
begin
  -- the batch's rows, read once: the range bounds the primary key's scan, the list picks its rows
  -- (`+ 0`: a filter, checked in a hash of the list, planned for each call with the list in it;
  -- as a condition of the index, each id was a descent of it: 9 ms a batch instead of 0.8)
  counted := array(select contributions_counted_of(c) from contributions_contribution c
    where c.id between (select min(i) from unnest(ids) i) and (select max(i) from unnest(ids) i)
      and c.id + 0 = any(ids));
  insert into contributions_tally
  select process_id, stakeholder_group, coalesce(regional_group, ''), ldc, lldc, sids, language, count(*)
  from unnest(counted) where status = 'published'
  group by 1, 2, 3, 4, 5, 6, 7
  on conflict on constraint contributions_tally_pkey do update set n = contributions_tally.n + excluded.n;
  perform contributions_counts_change(counted, '{}');
end
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
  -- statement's (see above); the others are looked up by the index (`offset 0`: each person by it)
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
  order by 1, 2, 3, 4, 5, 6, 7, 8
  on conflict on constraint contributions_people_count_key do update
    set people = contributions_people_count.people + excluded.people;
end
$$;

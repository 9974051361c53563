-- People counted in turn (issue 13): the people count of 20261210-0501 re-reads a person's published
-- contributions to know whether they are already counted in a scope. Under read committed, two
-- transactions writing the same person at once (two imports into two processes of one body, each
-- with a row from "Ana") each missed the other's uncommitted row, and both counted Ana: a Member
-- State would be shown two people where there was one.
--
-- Now each transaction that counts a person first takes the person's turn: it upserts one row per
-- person (its key, a 64-bit hash of the person) into contributions_person_turn, which locks that row
-- until the transaction ends (a row lock, in the row itself: an import of 5,000 people takes no
-- space in the server's lock table, as 5,000 advisory locks would). A second transaction counting
-- the same person waits there until the first commits, and its next statement (plpgsql takes a
-- new snapshot for each under read committed) reads the first one's rows. Two people whose keys
-- collide only wait for each other. Turns are taken in key order, then the speaker counts' rows and
-- the people counts' rows each in key order too, so two statements never wait for each other in a
-- circle. What this asks of a caller that runs several transactions at once (an import writing two
-- batches on two connections): a transaction must not wait, outside the database, for another that
-- may be waiting for it (send the next batch's insert once the previous batch's insert returned,
-- and commit in that order: the later one may then wait for the earlier one, never the reverse).
-- Counting at repeatable read or serializable is not supported (the snapshot would not move).
--
-- contributions_counts_recount() counts everything again from the contributions (as the first
-- migration did), returns each kept row that differs, and puts the recounted rows in place
-- (`ecp counts recount`, which writes the audit entry).

create table contributions_person_turn (
  person_key bigint not null constraint contributions_person_turn_pkey primary key
);

create function contributions_person_key(person text) returns bigint language sql immutable as $$
  select hashtextextended(person, 0)
$$;

create or replace function contributions_counts_change(added contributions_counted[], removed contributions_counted[])
  returns void language plpgsql set plan_cache_mode = force_custom_plan as $$
declare
  persons text[];
  now_rows contributions_counted[];
  before_rows contributions_counted[];
begin
  persons := array(select distinct person from (select * from unnest(added) union all select * from unnest(removed)) r
    where person is not null and status = 'published');
  -- each person's turn, in key order (see above): a transaction counting a person waits here for
  -- one that counted them and has not yet committed, then reads its rows
  insert into contributions_person_turn
  select distinct contributions_person_key(p) from unnest(persons) p order by 1
  on conflict on constraint contributions_person_turn_pkey do update set person_key = excluded.person_key where false;
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
  select p.process_id from (select process_id from unnest(now_rows) union select process_id from unnest(before_rows)) p
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
  order by 1, 2, 3, 4, 5, 6, 7, 8
  on conflict on constraint contributions_people_count_key do update
    set people = contributions_people_count.people + excluded.people;
end
$$;

-- the kept counts as the contributions give them now (the rows 20261210-0501 first inserted)
create function contributions_speaker_counted() returns setof contributions_speaker_count
  language sql stable as $$
  select k.process_id, k.call_id, k.speaking_for, k.member_state_iso3, k.organization_id, k.stakeholder_group,
    k.regional_group, k.ldc, k.lldc, k.sids, k.language, k.status, k.created_year,
    extract(year from k.published_at at time zone 'UTC')::int, count(*)::int
  from contributions_contribution c cross join lateral contributions_counted_of(c) k
  group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
$$;

create function contributions_people_counted() returns setof contributions_people_count
  language sql stable as $$
  with r as (select k.* from contributions_contribution c cross join lateral contributions_counted_of(c) k
      where c.speaking_for = 'self' and c.status = 'published'),
    body as materialized (select p.process_id, processes_body_of(p.process_id) as body_id
      from (select distinct process_id from r) p),
    person as (
      select s.scope, s.scope_id,
        (array_agg(r.stakeholder_group order by r.published_at, r.id))[1] as stakeholder_group,
        (array_agg(r.regional_group order by r.published_at, r.id))[1] as regional_group,
        (array_agg(r.ldc order by r.published_at, r.id))[1] as ldc,
        (array_agg(r.lldc order by r.published_at, r.id))[1] as lldc,
        (array_agg(r.sids order by r.published_at, r.id))[1] as sids,
        array_agg(distinct r.language order by r.language) as languages
      from r join body using (process_id)
        cross join lateral (values ('process', r.process_id), ('call', r.call_id), ('body', body.body_id),
          ('year', extract(year from r.published_at at time zone 'UTC')::bigint)) s(scope, scope_id)
      where s.scope_id is not null
      group by s.scope, s.scope_id, r.person)
  select scope, scope_id, stakeholder_group, regional_group, ldc, lldc, sids, languages, count(*)::int
  from person
  group by 1, 2, 3, 4, 5, 6, 7, 8
$$;

-- every kept row that differs from the recount (a row at zero is no row), then the recount put in
-- place; the contributions are locked against writes meanwhile (share mode: reads go on)
create function contributions_counts_recount()
  returns table (kept_table text, key jsonb, kept integer, counted integer) language plpgsql as $$
begin
  lock table contributions_contribution in share mode;
  create temp table contributions_recount_speaker on commit drop as select * from contributions_speaker_counted();
  create temp table contributions_recount_people on commit drop as select * from contributions_people_counted();
  return query
    with k as (select to_jsonb(s) - 'n' as key, s.n from contributions_speaker_count s where s.n <> 0),
      c as (select to_jsonb(s) - 'n' as key, s.n from contributions_recount_speaker s)
    select 'contributions_speaker_count', coalesce(k.key, c.key), coalesce(k.n, 0), coalesce(c.n, 0)
    from k full join c on c.key = k.key where k.n is distinct from c.n
    union all
    (with k as (select to_jsonb(p) - 'people' as key, p.people from contributions_people_count p where p.people <> 0),
      c as (select to_jsonb(p) - 'people' as key, p.people from contributions_recount_people p)
    select 'contributions_people_count', coalesce(k.key, c.key), coalesce(k.people, 0), coalesce(c.people, 0)
    from k full join c on c.key = k.key where k.people is distinct from c.people)
    order by 1, 2;
  if found then
    delete from contributions_speaker_count;
    insert into contributions_speaker_count select * from contributions_recount_speaker;
    delete from contributions_people_count;
    insert into contributions_people_count select * from contributions_recount_people;
  end if;
  -- the bodies counted just now are settled (contributions_people_settle)
  delete from contributions_people_pending p where processes_body_of(p.process_id) is not null;
  drop table contributions_recount_speaker;
  drop table contributions_recount_people;
end
$$;

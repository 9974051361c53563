-- Who took part, counted on write (issue 14's page budget): the balance of participation and the
-- scorecard grouped the 100,000 contributions of a process on every page view. Two kept counts,
-- maintained by statement-level triggers (a bulk import of 5,000 rows pays one aggregated
-- statement, not 5,000), derived data (left out of `ecp export`, rebuilt here from the rows):
--
-- contributions_speaker_count: contributions of every status by process, call, speaker (the State
-- or organization; none for a person), their recorded groups, language, status, year submitted
-- and year published (UTC). The scorecard's counts and the balance's States and organizations.
--
-- contributions_people_count: people speaking for themselves in published contributions, each
-- counted once per process, call, body and year of publication (UTC), as the balance counted them:
-- a person is their account, or for an import the name it gave (lowercased); their groups are
-- those of their earliest published contribution in the scope (by publication time, then id) and
-- their languages all those they wrote in there; the count is of people sharing all of that.
-- A change re-reads the published contributions of the people it touches (by the index below),
-- as they were before the statement and after, and adds the difference.
-- Two transactions changing the same person's contributions at once may each miss the other's
-- row (read committed); a person writes one contribution at a time, so this is left as it is.

create function contributions_person(speaking_for text, import_id bigint, author_account_id bigint,
  contributor_name text) returns text language sql immutable as $$
  select case when speaking_for = 'self' then
    case when import_id is null then 'account:' || author_account_id::text else 'name:' || lower(contributor_name) end
  end
$$;

create index contributions_contribution_person on contributions_contribution
  (contributions_person(speaking_for, import_id, author_account_id, contributor_name))
  where speaking_for = 'self' and status = 'published';

-- what a count needs of a contribution
create type contributions_counted as (
  id bigint,
  process_id bigint,
  call_id bigint,
  speaking_for text,
  member_state_iso3 text,
  organization_id bigint,
  person text,
  stakeholder_group text,
  regional_group text,
  ldc boolean,
  lldc boolean,
  sids boolean,
  language text,
  status text,
  created_year integer,
  published_at timestamptz
);

create function contributions_counted_of(c contributions_contribution) returns contributions_counted
  language sql immutable as $$
  select c.id, c.process_id, c.call_id, c.speaking_for, c.member_state_iso3, c.organization_id,
    contributions_person(c.speaking_for, c.import_id, c.author_account_id, c.contributor_name),
    c.stakeholder_group, c.regional_group, c.ldc, c.lldc, c.sids, c.language, c.status,
    extract(year from c.created_at at time zone 'UTC')::int, coalesce(c.published_at, c.created_at)
$$;

create table contributions_speaker_count (
  process_id bigint not null,
  call_id bigint not null,
  speaking_for text not null,
  member_state_iso3 text,
  organization_id bigint,
  stakeholder_group text not null,
  regional_group text,
  ldc boolean not null,
  lldc boolean not null,
  sids boolean not null,
  language text not null,
  status text not null,
  created_year integer not null,
  published_year integer not null,
  n integer not null,
  constraint contributions_speaker_count_key unique nulls not distinct (process_id, call_id, speaking_for,
    member_state_iso3, organization_id, stakeholder_group, regional_group, ldc, lldc, sids, language, status,
    created_year, published_year)
);

create table contributions_people_count (
  scope text not null constraint contributions_people_count_scope_check
    check (scope in ('process', 'call', 'body', 'year')),
  -- the process, call or body id, or the year
  scope_id bigint not null,
  stakeholder_group text not null,
  regional_group text,
  ldc boolean not null,
  lldc boolean not null,
  sids boolean not null,
  -- every language they wrote in there, sorted
  languages text[] not null,
  people integer not null,
  constraint contributions_people_count_key unique nulls not distinct (scope, scope_id, stakeholder_group,
    regional_group, ldc, lldc, sids, languages)
);

-- processes whose body was not known when their contributions were counted: `ecp import` loads the
-- contributions before the processes (its constraints deferred), so their people are counted per
-- body later, by contributions_people_settle, which the first read of a body's people runs
create table contributions_people_pending (
  process_id bigint not null constraint contributions_people_pending_pkey primary key
);

-- the counts after a statement that added `added` rows and removed `removed` (an update: both)
-- (planned for the arrays it is given each time: a plan cached for a statement of one row would
-- join an import's 5,000 rows by nested loops)
create function contributions_counts_change(added contributions_counted[], removed contributions_counted[])
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
  on conflict on constraint contributions_people_count_key do update
    set people = contributions_people_count.people + excluded.people;
end
$$;

create function contributions_counts_added() returns trigger language plpgsql as $$
begin
  perform contributions_counts_change(array(select contributions_counted_of(a) from added a), '{}');
  return null;
end
$$;
create trigger contributions_counts_added after insert on contributions_contribution
  referencing new table as added for each statement execute function contributions_counts_added();

create function contributions_counts_removed() returns trigger language plpgsql as $$
begin
  perform contributions_counts_change('{}', array(select contributions_counted_of(r) from removed r));
  return null;
end
$$;
create trigger contributions_counts_removed after delete on contributions_contribution
  referencing old table as removed for each statement execute function contributions_counts_removed();

-- an update counts only the rows whose counted values changed (a revision's new text changes none)
create function contributions_counts_updated() returns trigger language plpgsql as $$
begin
  perform contributions_counts_change(
    array(select contributions_counted_of(a) from added a join removed r using (id)
      where contributions_counted_of(a) is distinct from contributions_counted_of(r)),
    array(select contributions_counted_of(r) from added a join removed r using (id)
      where contributions_counted_of(a) is distinct from contributions_counted_of(r)));
  return null;
end
$$;
create trigger contributions_counts_updated after update on contributions_contribution
  referencing old table as removed new table as added for each statement
  execute function contributions_counts_updated();

-- the contributions already there (as contributions_counts_change counts them, over the table
-- rather than an array of a million rows)
insert into contributions_speaker_count
select k.process_id, k.call_id, k.speaking_for, k.member_state_iso3, k.organization_id, k.stakeholder_group,
  k.regional_group, k.ldc, k.lldc, k.sids, k.language, k.status, k.created_year,
  extract(year from k.published_at at time zone 'UTC')::int, count(*)
from contributions_contribution c cross join lateral contributions_counted_of(c) k
group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14;

insert into contributions_people_count
with r as (select 1 as sign, k.* from contributions_contribution c cross join lateral contributions_counted_of(c) k
    where c.speaking_for = 'self' and c.status = 'published'),
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
group by 1, 2, 3, 4, 5, 6, 7, 8;

-- the people of every body counted again, once the bodies of the pending processes are known (after
-- `ecp import`); a no-op, one look at an empty table, the rest of the time
create function contributions_people_settle() returns void language plpgsql as $$
begin
  if not exists (select 1 from contributions_people_pending) then
    return;
  end if;
  perform pg_advisory_xact_lock(hashtext('contributions_people_settle'));
  delete from contributions_people_pending p where processes_body_of(p.process_id) is not null;
  if not found then
    return;
  end if;
  delete from contributions_people_count where scope = 'body';
  insert into contributions_people_count
  with body as materialized (select p.process_id, processes_body_of(p.process_id) as body_id
      from (select distinct process_id from contributions_contribution) p),
    person as (
      select b.body_id, r.person,
        (array_agg(r.stakeholder_group order by r.published_at, r.id))[1] as stakeholder_group,
        (array_agg(r.regional_group order by r.published_at, r.id))[1] as regional_group,
        (array_agg(r.ldc order by r.published_at, r.id))[1] as ldc,
        (array_agg(r.lldc order by r.published_at, r.id))[1] as lldc,
        (array_agg(r.sids order by r.published_at, r.id))[1] as sids,
        array_agg(distinct r.language order by r.language) as languages
      from contributions_contribution c cross join lateral contributions_counted_of(c) r
        join body b on b.process_id = r.process_id
      where c.speaking_for = 'self' and c.status = 'published' and b.body_id is not null
      group by b.body_id, r.person)
  select 'body', body_id, stakeholder_group, regional_group, ldc, lldc, sids, languages, count(*)
  from person
  group by 2, 3, 4, 5, 6, 7, 8;
end
$$;

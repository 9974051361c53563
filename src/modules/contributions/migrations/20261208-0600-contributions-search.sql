-- Search in contributions: each current answer of a contribution indexed in its language's
-- configuration, as the library does it (arabic, english, french, russian, spanish; Chinese spaced
-- character by character under `simple`, having no word breaks; Arabic's proclitic conjunction or
-- preposition before the article taken off, which its stemmer keeps), beside what a search filters
-- and counts by, so that a search reads one narrow table. Triggers keep it on every insert, one by
-- one or set-based (a bulk import, a COPY through a staging table, `ecp import`), and on every
-- change of status; it is derived data, left out of `ecp export` and rebuilt on import.

create function contributions_search_config(language text) returns regconfig
  language sql immutable parallel safe as $$
  select case language
    when 'ar' then 'arabic'::regconfig
    when 'en' then 'english'::regconfig
    when 'fr' then 'french'::regconfig
    when 'ru' then 'russian'::regconfig
    when 'es' then 'spanish'::regconfig
    else 'simple'::regconfig
  end
$$;

-- the text as it is indexed, and a query as it is parsed (the same function on both sides)
create function contributions_search_text(body text, language text) returns text
  language sql immutable parallel safe as $$
  select case language
    when 'zh' then btrim(regexp_replace(regexp_replace(body, '([㐀-䶿一-鿿豈-﫿])', ' \1 ', 'g'), '\s+', ' ', 'g'))
    when 'ar' then regexp_replace(body, '(^|[\s«"''(])[وفبكل](ال[ء-ي]{2,})', '\1\2', 'g')
    else body
  end
$$;

create table contributions_search (
  contribution_id bigint not null,
  question_id integer not null,
  revision_number integer not null,
  call_id bigint not null,
  status text not null,
  stakeholder_group text not null,
  regional_group text,
  language text not null,
  document tsvector not null,
  constraint contributions_search_pkey primary key (contribution_id, question_id)
);
-- through GIN's pending list, kept small: written directly (as the library's is), a bulk import
-- took more than twice as long (5,000 generated contributions: 52 s against 23 s on a loaded
-- PGlite); the list is merged into the index whenever it passes 1 MB, so a search scans at most
-- that much of it, even on PGlite, which has no autovacuum to merge it
create index contributions_search_document on contributions_search using gin (document)
  with (fastupdate = on, gin_pending_list_limit = 1024);

-- indexes the answers of the given revisions: the latest revision of a contribution replaces what
-- an earlier one had indexed, including a question it no longer answers
create function contributions_search_index(revisions bigint[]) returns void language sql as $$
  insert into contributions_search as s (contribution_id, question_id, revision_number, call_id, status,
    stakeholder_group, regional_group, language, document)
  select distinct on (r.contribution_id, a.question_id) r.contribution_id, a.question_id, r.number, c.call_id,
    c.status, c.stakeholder_group, c.regional_group, r.language,
    to_tsvector(contributions_search_config(r.language), contributions_search_text(a.body, r.language))
  from contributions_revision r
  join contributions_answer a on a.revision_id = r.id
  join contributions_contribution c on c.id = r.contribution_id
  where r.id = any(revisions)
  order by r.contribution_id, a.question_id, r.number desc
  on conflict on constraint contributions_search_pkey do update set
    revision_number = excluded.revision_number, language = excluded.language, document = excluded.document
  where s.revision_number <= excluded.revision_number;
  delete from contributions_search s using (
    select r.contribution_id, max(r.number) as number from contributions_revision r
    join contributions_answer a on a.revision_id = r.id
    where r.id = any(revisions) group by 1) x
  where s.contribution_id = x.contribution_id and s.revision_number < x.number;
$$;

-- answers arrive after their revision on the platform and in bulk; `ecp import` loads tables in
-- name order, answers before revisions: whichever comes second finds the other
create function contributions_search_answers_added() returns trigger language plpgsql as $$
begin
  perform contributions_search_index(array(select distinct revision_id from added));
  return null;
end
$$;
create trigger contributions_search_answers after insert on contributions_answer
  referencing new table as added for each statement execute function contributions_search_answers_added();

create function contributions_search_revisions_added() returns trigger language plpgsql as $$
begin
  perform contributions_search_index(array(select id from added));
  return null;
end
$$;
create trigger contributions_search_revisions after insert on contributions_revision
  referencing new table as added for each statement execute function contributions_search_revisions_added();

-- moderation, withdrawal and reclassification reach the index at once
create function contributions_search_contribution_changed() returns trigger language plpgsql as $$
begin
  update contributions_search set status = new.status, stakeholder_group = new.stakeholder_group,
    regional_group = new.regional_group
  where contribution_id = new.id;
  return null;
end
$$;
create trigger contributions_search_contribution after update on contributions_contribution
  for each row when (old.status is distinct from new.status
    or old.stakeholder_group is distinct from new.stakeholder_group
    or old.regional_group is distinct from new.regional_group)
  execute function contributions_search_contribution_changed();

select contributions_search_index(array(select id from contributions_revision));

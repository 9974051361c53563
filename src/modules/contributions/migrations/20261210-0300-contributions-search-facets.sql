-- Search at a million contributions (issue 13). Two changes to what is indexed, then everything
-- indexed again once (the index dropped, filled and built in one pass, much faster than row by row).
--
-- Chinese as overlapping character pairs: 国际合作 is indexed as 国际 际合 合作 and the run's last
-- character 作, so a query of two or more characters is a lookup of pairs (合作 finds 国际合作 and
-- not a text that has 合 and 作 apart), and one character a prefix lookup (合 finds 合作 and 合).
-- Indexed one character at a time, 合作 was a lookup of two of the commonest characters of the
-- language and a check of every text that had both (2.2 s at a million).
--
-- What a search narrows by, as terms of the document itself: its call, language, guiding question,
-- stakeholder group, UN region, and the stretch of contribution ids it lies in (blocks of 4,096,
-- 32,768 and 262,144 ids). A search then asks the text index for one combined query (the words in
-- each language together with that language, the filters, the newest stretch of ids) and reads
-- only the answers that match all of it, newest stretch first, widening until it has enough:
-- instead of every answer that has the word (hundreds of thousands for a common one) to keep the
-- few in English, or walking the newest answers and checking each one's words. These terms hold a
-- space, which no word of a text or a query can, so no query finds them but the search's own.
-- Campaign membership is the consultation module's and changes with every rebuild: it stays a
-- join. The status stays a column (moderation changes it; the reader's statuses filter the rows).

create function contributions_search_terms(body text, language text) returns text
  language sql immutable parallel safe as $$
  select case language
    when 'zh' then regexp_replace(regexp_replace(regexp_replace(body,
      '([㐀-䶿一-鿿豈-﫿]+)', ' \1 ', 'g'),
      '(?<=[㐀-䶿一-鿿豈-﫿])([㐀-䶿一-鿿豈-﫿]) ', '\1 \1 ', 'g'),
      '(?<=[㐀-䶿一-鿿豈-﫿])([㐀-䶿一-鿿豈-﫿])(?=[㐀-䶿一-鿿豈-﫿])', '\1 \1', 'g')
    when 'ar' then regexp_replace(body, '(^|[\s«"''(])[وفبكل](ال[ء-ي]{2,})', '\1\2', 'g')
    else body
  end
$$;

-- a query's words as the document's: pairs only (a run's last character would ask for every pair
-- that starts with it), and a lone character as the prefix of the pairs it begins
create function contributions_search_query(q text, language text) returns tsquery
  language sql immutable parallel safe as $$
  select case language
    when 'zh' then regexp_replace(websearch_to_tsquery('simple',
      regexp_replace(regexp_replace(q, '([㐀-䶿一-鿿豈-﫿]+)', ' \1 ', 'g'),
        '(?<=[㐀-䶿一-鿿豈-﫿])([㐀-䶿一-鿿豈-﫿])(?=[㐀-䶿一-鿿豈-﫿])', '\1 \1', 'g'))::text,
      '''([㐀-䶿一-鿿豈-﫿])''', '''\1'':*', 'g')::tsquery
    else websearch_to_tsquery(contributions_search_config(language), contributions_search_terms(q, language))
  end
$$;

create function contributions_search_facets(call_id bigint, contribution_id bigint, question_id integer,
  language text, stakeholder_group text, regional_group text) returns tsvector
  language sql immutable parallel safe as $$
  select array_to_tsvector(array['call ' || call_id, 'lang ' || language, 'q ' || question_id,
    'grp ' || stakeholder_group, 'region ' || coalesce(regional_group, 'none'),
    'b12 ' || (contribution_id >> 12), 'b15 ' || (contribution_id >> 15), 'b18 ' || (contribution_id >> 18)])
$$;

create function contributions_search_document(body text, language text, call_id bigint, contribution_id bigint,
  question_id integer, stakeholder_group text, regional_group text) returns tsvector
  language sql immutable parallel safe as $$
  select to_tsvector(contributions_search_config(language), contributions_search_terms(body, language))
    || contributions_search_facets(call_id, contribution_id, question_id, language, stakeholder_group, regional_group)
$$;

create or replace function contributions_search_index(revisions bigint[]) returns void language sql as $$
  insert into contributions_search as s (contribution_id, question_id, revision_number, call_id, status,
    stakeholder_group, regional_group, language, document)
  select distinct on (r.contribution_id, a.question_id) r.contribution_id, a.question_id, r.number, c.call_id,
    c.status, c.stakeholder_group, c.regional_group, r.language,
    contributions_search_document(a.body, r.language, c.call_id, c.id, a.question_id, c.stakeholder_group,
      c.regional_group)
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

create or replace function contributions_search_index_imported(ids bigint[]) returns void language sql as $$
  insert into contributions_search (contribution_id, question_id, revision_number, call_id, status,
    stakeholder_group, regional_group, language, document)
  select c.id, c.imported_question_id, 1, c.call_id, c.status, c.stakeholder_group, c.regional_group, c.language,
    contributions_search_document(c.imported_text, c.language, c.call_id, c.id, c.imported_question_id,
      c.stakeholder_group, c.regional_group)
  from contributions_contribution c
  where c.id = any(ids) and c.imported_text is not null
    and not exists (select 1 from contributions_search s where s.contribution_id = c.id)
  on conflict on constraint contributions_search_pkey do nothing;
$$;

-- reclassification changes the group and region terms of the document with the columns
create or replace function contributions_search_contribution_changed() returns trigger language plpgsql as $$
begin
  update contributions_search set status = new.status, stakeholder_group = new.stakeholder_group,
    regional_group = new.regional_group,
    document = case when old.stakeholder_group is distinct from new.stakeholder_group
        or old.regional_group is distinct from new.regional_group
      then ts_delete(document, array['grp ' || old.stakeholder_group, 'region ' || coalesce(old.regional_group, 'none')])
        || array_to_tsvector(array['grp ' || new.stakeholder_group, 'region ' || coalesce(new.regional_group, 'none')])
      else document end
  where contribution_id = new.id;
  return null;
end
$$;

drop index contributions_search_document;
truncate contributions_search;
-- a document over 2 kB goes out of its row whole and uncompressed (a tsvector hardly compresses,
-- and compressing it cost every insert): a search reads the rows of its matches for their call,
-- status and facets, and a document only to check a phrase (100,000 answers: 124 MB of rows
-- instead of 158 MB; PostgreSQL keeps a row under 2 kB whole whatever the target says)
alter table contributions_search alter column document set storage external, set (toast_tuple_target = 128);
select contributions_search_index(array(select id from contributions_revision));
insert into contributions_search (contribution_id, question_id, revision_number, call_id, status,
    stakeholder_group, regional_group, language, document)
  select c.id, c.imported_question_id, 1, c.call_id, c.status, c.stakeholder_group, c.regional_group, c.language,
    contributions_search_document(c.imported_text, c.language, c.call_id, c.id, c.imported_question_id,
      c.stakeholder_group, c.regional_group)
  from contributions_contribution c
  where c.imported_text is not null
  on conflict on constraint contributions_search_pkey do nothing;
-- as before: through GIN's pending list, kept small (20261208-0600). Built with more memory than
-- the default 64 MB, which at 1,000,000 answers wrote and merged the index in many small runs
set maintenance_work_mem = '256MB';
create index contributions_search_document on contributions_search using gin (document)
  with (fastupdate = on, gin_pending_list_limit = 1024);
reset maintenance_work_mem;

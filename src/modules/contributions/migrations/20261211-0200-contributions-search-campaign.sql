-- Campaign membership as a term of the search document (issue 13): "in a campaign" and "not in
-- a campaign" answered by the text index itself, like the other filters (20261210-0300). As a
-- join to the consultation's members, a word that nearly only campaigns use, narrowed to English
-- outside campaigns, read every English answer with the word and looked each one's membership up
-- (141,000 at a million: 5.9 s). The term `in campaign` holds a space, which no query's word can.
--
-- Membership is the consultation module's: it keeps the term through contributions_search_campaign
-- (an arrival that joins a campaign, a rebuild's members that joined or left one; the consultation
-- migration 20261211-0201 marks today's members). Changing a document rewrites its row and its
-- entries in the text index, so only what changed is given.

create function contributions_search_campaign_term() returns tsvector
  language sql immutable parallel safe as $$ select array_to_tsvector(array['in campaign']) $$;

-- the contributions `ids` now in a campaign (member) or in none: their documents get or lose the
-- term; a document that says so already is left as it is (no row rewritten). Many at once (a
-- rebuild's difference, this migration): the text index's new entries gathered in its pending
-- list up to 64 MB, then merged in one sorted pass, instead of a merge every megabyte (10,000
-- documents at 100,000: 1.3 s of PostgreSQL CPU instead of 3.2 s); the 1 MB limit is back at
-- commit (the setting is transactional), so searches scan at most that much again.
create function contributions_search_campaign(ids bigint[], member boolean) returns void language plpgsql as $$
declare
  many constant boolean := cardinality(ids) > 2000;
begin
  if many then
    alter index contributions_search_document set (gin_pending_list_limit = 65536);
    perform set_config('work_mem', '64MB', true), set_config('maintenance_work_mem', '256MB', true);
  end if;
  update contributions_search s
  set document = case when member then s.document || contributions_search_campaign_term()
    else ts_delete(s.document, 'in campaign'::text) end
  where s.contribution_id in (select unnest(ids))
    and (s.document @@ '''in campaign'''::tsquery) is distinct from member;
  if many then
    perform gin_clean_pending_list('contributions_search_document'::regclass);
    alter index contributions_search_document set (gin_pending_list_limit = 1024);
  end if;
end
$$;

-- the term a contribution's documents hold now (a new revision's document keeps it)
create function contributions_search_campaign_of(contribution bigint) returns tsvector language sql stable as $$
  select case when exists (select 1 from contributions_search s
      where s.contribution_id = contribution and s.document @@ '''in campaign'''::tsquery)
    then contributions_search_campaign_term() else ''::tsvector end
$$;

-- as in 20261210-0300, the document keeping the contribution's membership term
create or replace function contributions_search_index(revisions bigint[]) returns void language sql as $$
  insert into contributions_search as s (contribution_id, question_id, revision_number, call_id, status,
    stakeholder_group, regional_group, language, document)
  select distinct on (r.contribution_id, a.question_id) r.contribution_id, a.question_id, r.number, c.call_id,
    c.status, c.stakeholder_group, c.regional_group, r.language,
    contributions_search_document(a.body, r.language, c.call_id, c.id, a.question_id, c.stakeholder_group,
      c.regional_group) || contributions_search_campaign_of(c.id)
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

-- an import's search pass, given which of its contributions are in a campaign already (a rebuild
-- that ran before the pass, or a resumed pass after one): their term written with the document
create function contributions_search_index_imported(ids bigint[], members bigint[]) returns void language sql as $$
  insert into contributions_search (contribution_id, question_id, revision_number, call_id, status,
    stakeholder_group, regional_group, language, document)
  select c.id, c.imported_question_id, 1, c.call_id, c.status, c.stakeholder_group, c.regional_group, c.language,
    contributions_search_document(c.imported_text, c.language, c.call_id, c.id, c.imported_question_id,
      c.stakeholder_group, c.regional_group)
      || case when m.id is null then ''::tsvector else contributions_search_campaign_term() end
  from contributions_contribution c
  left join (select distinct unnest(members) as id) m on m.id = c.id
  where c.id = any(ids) and c.imported_text is not null
    and not exists (select 1 from contributions_search s where s.contribution_id = c.id)
  on conflict on constraint contributions_search_pkey do nothing;
$$;

-- "Not in a campaign" as a term of its own (issue 13). Asked as `!'in campaign'`, the text index
-- cannot use the negation: it read every answer with the words and filters and dropped those in a
-- campaign (English, not in a campaign, at 1,000,000 on PGlite: 171,050 rows read to keep 138,
-- 2.6 s of CPU). Every document now holds exactly one of `in campaign` and `no campaign`, so both
-- narrowed searches are a lookup of a positive term. Like the other facet terms (20261210-0300)
-- it holds a space, which no word of a text or a query can.
--
-- Every writer of a document writes one of the two: the first indexing and a revision (the term
-- the contribution's documents hold, `no campaign` when it has none yet), an import indexed with
-- each batch (its contributions are new: in no campaign) or by the search pass after its last,
-- and the consultation's changes of membership (contributions_search_campaign, both directions).
-- `ecp import` leaves this table out and refills it through the same triggers.

create function contributions_search_membership_term(member boolean) returns tsvector
  language sql immutable parallel safe as $$
  select array_to_tsvector(array[case when member then 'in campaign' else 'no campaign' end])
$$;

-- as in 20261211-0200: the one term swapped for the other; a document that holds the wanted one
-- already is left as it is (no row rewritten)
create or replace function contributions_search_campaign(ids bigint[], member boolean) returns void
  language plpgsql as $$
declare
  many constant boolean := cardinality(ids) > 2000;
begin
  if many then
    alter index contributions_search_document set (gin_pending_list_limit = 65536);
    perform set_config('work_mem', '64MB', true), set_config('maintenance_work_mem', '256MB', true);
  end if;
  update contributions_search s
  set document = ts_delete(s.document, array['in campaign', 'no campaign'])
    || contributions_search_membership_term(member)
  where s.contribution_id in (select unnest(ids))
    and not s.document @@ (case when member then '''in campaign''' else '''no campaign''' end)::tsquery;
  if many then
    perform gin_clean_pending_list('contributions_search_document'::regclass);
    alter index contributions_search_document set (gin_pending_list_limit = 1024);
  end if;
end
$$;

-- the term a contribution's documents hold now (a new revision's document keeps it); a
-- contribution without documents yet is in no campaign until the consultation says otherwise
create or replace function contributions_search_campaign_of(contribution bigint) returns tsvector
  language sql stable as $$
  select contributions_search_membership_term(exists (select 1 from contributions_search s
    where s.contribution_id = contribution and s.document @@ '''in campaign'''::tsquery))
$$;

create or replace function contributions_search_index_imported(ids bigint[]) returns void language sql as $$
  insert into contributions_search (contribution_id, question_id, revision_number, call_id, status,
    stakeholder_group, regional_group, language, document)
  select c.id, c.imported_question_id, 1, c.call_id, c.status, c.stakeholder_group, c.regional_group, c.language,
    contributions_search_document(c.imported_text, c.language, c.call_id, c.id, c.imported_question_id,
      c.stakeholder_group, c.regional_group) || contributions_search_membership_term(false)
  from contributions_contribution c
  where c.id = any(ids) and c.imported_text is not null
    and not exists (select 1 from contributions_search s where s.contribution_id = c.id)
  on conflict on constraint contributions_search_pkey do nothing;
$$;

create or replace function contributions_search_index_imported(ids bigint[], members bigint[]) returns void
  language sql as $$
  insert into contributions_search (contribution_id, question_id, revision_number, call_id, status,
    stakeholder_group, regional_group, language, document)
  select c.id, c.imported_question_id, 1, c.call_id, c.status, c.stakeholder_group, c.regional_group, c.language,
    contributions_search_document(c.imported_text, c.language, c.call_id, c.id, c.imported_question_id,
      c.stakeholder_group, c.regional_group) || contributions_search_membership_term(m.id is not null)
  from contributions_contribution c
  left join (select distinct unnest(members) as id) m on m.id = c.id
  where c.id = any(ids) and c.imported_text is not null
    and not exists (select 1 from contributions_search s where s.contribution_id = c.id)
  on conflict on constraint contributions_search_pkey do nothing;
$$;

-- today's documents outside campaigns (about 300,000 rows at 1,000,000), in one update whose new
-- text index entries gather in the pending list and merge in one sorted pass (20261211-0200)
select contributions_search_campaign(array(select distinct contribution_id from contributions_search
  where not document @@ '''in campaign'''::tsquery), false);

-- Makes a kept consultation dataset 50 times larger (bench/consultation-keep.ts): call 3 of process
-- 3 (as `build pg NAME 20000` makes them on a fresh demo) gets 49 copies of each imported
-- contribution (external id suffixed '#k', k minutes earlier), each one row as an import writes it
-- (imported_text, imported_question_id: no revision or answer), with its search row (the same
-- document: copied, not parsed again) and its campaign member. Triggers and foreign-key checks are
-- off while the copies are written (session_replication_role = replica), so every derived table is
-- then recomputed from the rows, not multiplied: the tally of process 3, each text's members, each
-- campaign's size, first and last submission and speaker profile (its personal additions' counts
-- multiplied, each of their texts having 50 times the members), and the call's analysed and lone
-- counts. The text index is dropped and rebuilt (faster than 980,000 insertions into it).
-- Usage: psql postgres://postgres@127.0.0.1:5432/NAME -f bench/consultation-multiply.sql
\set ON_ERROR_STOP on
\timing on
set session_replication_role = replica;
set maintenance_work_mem = '512MB';
set work_mem = '256MB';
drop index contributions_search_document;
begin;
create temporary table src on commit drop as
  select c.*, m.text_id, m.campaign_id
  from contributions_contribution c
  join consultation_member m on m.contribution_id = c.id
  where c.call_id = 3 and c.external_id not like '%#%' and c.imported_text is not null;
-- the copies, with the id each one copies
create temporary table copy (id bigint, src_id bigint, k int) on commit drop;
with c as (
  insert into contributions_contribution (call_id, process_id, speaking_for, member_state_iso3, organization_id,
    author_account_id, contributor_name, stakeholder_group, regional_group, ldc, lldc, sids, language, status,
    revision_count, answered_question_ids, created_at, updated_at, published_at, withdrawn_at, withdrawal_note,
    hidden_at, hidden_reason, external_id, import_id, source_file, source_line, imported_question_id, imported_text)
  select call_id, process_id, speaking_for, member_state_iso3, organization_id, author_account_id, contributor_name,
    stakeholder_group, regional_group, ldc, lldc, sids, language, status, revision_count, answered_question_ids,
    created_at - k * interval '1 minute', updated_at, published_at - k * interval '1 minute', withdrawn_at,
    withdrawal_note, hidden_at, hidden_reason, external_id || '#' || k, import_id, source_file, source_line,
    imported_question_id, imported_text
  from src cross join generate_series(1, 49) k order by k, id
  returning id, external_id, created_at
)
insert into copy select c.id, s.id, split_part(c.external_id, '#', 2)::int
from c join src s on s.call_id = 3 and s.external_id = split_part(c.external_id, '#', 1);
insert into consultation_member (contribution_id, call_id, text_id, campaign_id, submitted_at)
select copy.id, s.call_id, s.text_id, s.campaign_id, s.created_at - copy.k * interval '1 minute'
from copy join src s on s.id = copy.src_id;
insert into contributions_search (contribution_id, question_id, revision_number, call_id, status, stakeholder_group,
  regional_group, language, document)
select copy.id, s.question_id, s.revision_number, s.call_id, s.status, s.stakeholder_group, s.regional_group,
  s.language,
  -- the copy's own blocks of ids (20261210-0300-contributions-search-facets) in place of its original's
  ts_delete(s.document, array['b12 ' || (s.contribution_id >> 12), 'b15 ' || (s.contribution_id >> 15),
    'b18 ' || (s.contribution_id >> 18)])
    || array_to_tsvector(array['b12 ' || (copy.id >> 12), 'b15 ' || (copy.id >> 15), 'b18 ' || (copy.id >> 18)])
from copy join contributions_search s on s.contribution_id = copy.src_id;

-- derived data, recomputed from the rows
delete from contributions_tally where process_id = 3;
insert into contributions_tally
select process_id, stakeholder_group, coalesce(regional_group, ''), ldc, lldc, sids, language, count(*)
from contributions_contribution where process_id = 3 and status = 'published'
group by 1, 2, 3, 4, 5, 6, 7;
update consultation_text t set members = x.n
from (select text_id, count(*) as n from consultation_member where call_id = 3 group by 1) x
where t.id = x.text_id and t.members <> x.n;
update consultation_setting s set
  analysed = (select count(*) from consultation_member m where m.call_id = 3),
  lone = (select count(*) from consultation_member m where m.call_id = 3 and m.campaign_id is null)
where s.call_id = 3;
-- each campaign's members with what its profile counts (as the rebuild counts them)
create temporary table facts on commit drop as
  select m.campaign_id, m.submitted_at, c.stakeholder_group, coalesce(c.regional_group, 'none') as region,
    c.ldc, c.lldc, c.sids, a.id is not null as platform,
    a.id is not null and m.submitted_at - a.created_at < interval '7 days' as new_account,
    lower(btrim(c.contributor_name)) || chr(1) || c.stakeholder_group || chr(1) || coalesce(c.regional_group, '')
      || chr(1) || c.language as meta
  from consultation_member m
  join contributions_contribution c on c.id = m.contribution_id
  left join auth_account a on a.id = c.author_account_id and c.external_id is null
  where m.call_id = 3 and m.campaign_id is not null;
update consultation_campaign k set
  size = f.size, first_at = f.first_at, last_at = f.last_at,
  profile = jsonb_build_object('groups', g.groups, 'regions', r.regions, 'ldc', f.ldc, 'lldc', f.lldc, 'sids', f.sids,
    'platform', f.platform, 'newAccounts', f.new_accounts, 'peakPerMinute', p.peak, 'identicalMetadata', i.identical),
  top_additions = coalesce((select jsonb_agg(jsonb_set(e, '{count}', to_jsonb((e ->> 'count')::int * 50)) order by o)
    from jsonb_array_elements(k.top_additions) with ordinality x(e, o)), '[]')
from (select campaign_id, count(*) as size, min(submitted_at) as first_at, max(submitted_at) as last_at,
        count(*) filter (where ldc) as ldc, count(*) filter (where lldc) as lldc, count(*) filter (where sids) as sids,
        count(*) filter (where platform) as platform, count(*) filter (where new_account) as new_accounts
      from facts group by 1) f,
  (select campaign_id, jsonb_object_agg(stakeholder_group, n) as groups
   from (select campaign_id, stakeholder_group, count(*) as n from facts group by 1, 2) x group by 1) g,
  (select campaign_id, jsonb_object_agg(region, n) as regions
   from (select campaign_id, region, count(*) as n from facts group by 1, 2) x group by 1) r,
  (select campaign_id, max(n) as peak
   from (select campaign_id, count(*) as n from facts group by 1, date_trunc('minute', submitted_at)) x group by 1) p,
  (select campaign_id, coalesce(sum(n) filter (where n > 1), 0) as identical
   from (select campaign_id, count(*) as n from facts group by 1, meta) x group by 1) i
where k.call_id = 3 and f.campaign_id = k.id and g.campaign_id = k.id and r.campaign_id = k.id
  and p.campaign_id = k.id and i.campaign_id = k.id;
commit;
create index contributions_search_document on contributions_search using gin (document)
  with (fastupdate = on, gin_pending_list_limit = 1024);
vacuum analyze;

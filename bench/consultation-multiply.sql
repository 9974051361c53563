-- Makes a kept consultation dataset 50 times larger (bench/consultation-keep.ts): call 3 of process
-- 3 (as `build pg NAME 20000` makes them on a fresh demo) gets 49 copies of each imported
-- contribution (external id suffixed '#k', a minute earlier per copy) with its revision, answer,
-- search row and campaign member, triggers and foreign-key checks off, the text index dropped and
-- rebuilt; the campaigns' sizes, the texts' member counts, the tally and the read models are
-- multiplied to match. Usage: psql postgres://postgres@127.0.0.1:5432/NAME -f bench/consultation-multiply.sql
\set ON_ERROR_STOP on
set session_replication_role = replica;
drop index contributions_search_document;
begin;
with src as (
    select c.*, a.question_id, a.body, m.text_id, m.campaign_id
    from contributions_contribution c
    join contributions_revision r on r.contribution_id = c.id and r.number = 1
    join contributions_answer a on a.revision_id = r.id
    join consultation_member m on m.contribution_id = c.id
    where c.call_id = 3 and c.external_id not like '%#%'
  ), c as (
    insert into contributions_contribution (call_id, process_id, speaking_for, member_state_iso3, organization_id,
      author_account_id, contributor_name, stakeholder_group, regional_group, ldc, lldc, sids, language, status,
      answered_question_ids, created_at, updated_at, published_at, external_id, import_id, source_file, source_line)
    select call_id, process_id, speaking_for, member_state_iso3, organization_id, author_account_id, contributor_name,
      stakeholder_group, regional_group, ldc, lldc, sids, language, status, answered_question_ids,
      created_at - k * interval '1 minute', updated_at, published_at - k * interval '1 minute', external_id || '#' || k, import_id, source_file, source_line
    from src cross join generate_series(1, 49) k order by k, id
    returning id, external_id, language, created_at, author_account_id
  ), j as (
    select c.*, src.question_id, src.body, src.text_id, src.campaign_id, src.call_id, src.id as src_id
    from c join src on src.external_id = split_part(c.external_id, '#', 1)
  ), r as (
    insert into contributions_revision (contribution_id, number, language, created_by, created_at)
    select id, 1, language, author_account_id, created_at from j returning id, contribution_id
  ), a as (
    insert into contributions_answer (revision_id, question_id, body)
    select r.id, j.question_id, j.body from r join j on j.id = r.contribution_id
  ), m as (
  insert into consultation_member (contribution_id, call_id, text_id, campaign_id, submitted_at)
  select id, call_id, text_id, campaign_id, created_at from j)
  insert into contributions_search (contribution_id, question_id, revision_number, call_id, status, stakeholder_group, regional_group, language, document)
  select j.id, s.question_id, 1, s.call_id, s.status, s.stakeholder_group, s.regional_group, s.language, s.document
  from j join contributions_search s on s.contribution_id = j.src_id;
commit;
create index contributions_search_document on contributions_search using gin (document)
  with (fastupdate = on, gin_pending_list_limit = 1024);
update contributions_tally set n = n * 50 where process_id = 3;
update consultation_text set members = members * 50 where call_id = 3;
update consultation_campaign set size = size * 50 where call_id = 3;
update consultation_setting set analysed = analysed * 50, lone = lone * 50 where call_id = 3;
vacuum analyze;

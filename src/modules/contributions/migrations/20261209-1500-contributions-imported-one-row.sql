-- An imported contribution is one row (issue 13's intake budget): its text and question on the
-- contribution itself instead of a first revision and its answer, so a bulk import writes one row
-- per contribution (COPY straight into this table) instead of three, with three foreign-key checks
-- instead of six. Every reader of a contribution's current text goes through one view,
-- contributions_current_answer, that reads both forms. Revising an imported contribution first
-- moves its text into revision 1 (queries-write.ts), so revisions stay one history.
-- Contributions imported before this migration keep their three rows: both forms are read alike.
alter table contributions_contribution
  add column imported_question_id integer,
  add column imported_text text,
  add constraint contributions_contribution_imported_text_check
    check (imported_text is null or (external_id is not null and imported_question_id is not null));

create view contributions_current_answer as
  select c.id as contribution_id, r.number as revision_number, r.language, a.question_id, a.body
  from contributions_contribution c
  join contributions_revision r on r.contribution_id = c.id and r.number = c.revision_count
  join contributions_answer a on a.revision_id = r.id
  union all
  select c.id, 1, c.language, c.imported_question_id, c.imported_text
  from contributions_contribution c
  where c.imported_text is not null;

-- search: an imported contribution is indexed from its own row. A bulk import defers it
-- (`set local ecp.search_later = 'on'` in its batches) and indexes the whole import in one
-- set-based pass after its last batch (contributions_search_index_imported, run in id ranges);
-- any other insert of such rows (`ecp import` of an export) is indexed at once by the trigger.
create function contributions_search_index_imported(ids bigint[]) returns void language sql as $$
  insert into contributions_search (contribution_id, question_id, revision_number, call_id, status,
    stakeholder_group, regional_group, language, document)
  select c.id, c.imported_question_id, 1, c.call_id, c.status, c.stakeholder_group, c.regional_group, c.language,
    to_tsvector(contributions_search_config(c.language), contributions_search_text(c.imported_text, c.language))
  from contributions_contribution c
  where c.id = any(ids) and c.imported_text is not null
    and not exists (select 1 from contributions_search s where s.contribution_id = c.id)
  on conflict on constraint contributions_search_pkey do nothing;
$$;

create function contributions_search_imported_added() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('ecp.search_later', true), '') <> 'on' then
    perform contributions_search_index_imported(array(select id from added where imported_text is not null));
  end if;
  return null;
end
$$;
create trigger contributions_search_imported after insert on contributions_contribution
  referencing new table as added for each statement execute function contributions_search_imported_added();

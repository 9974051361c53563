-- Agreed text stays agreed, and a concluded process's negotiation is read-only, in the database too
-- (rules/lifecycle.ts is the rule every command asks first; these triggers refuse the same writes
-- should a code path forget):
-- - a paragraph standing adopted or agreed ad ref keeps its text; it is adopted or agreed only
--   with its brackets empty; it leaves that status only when the Chair reopens it, which the
--   document's record keeps as a statement of kind 'reopening';
-- - every row of a negotiating document or proposal of a concluded process refuses inserts,
--   updates and deletes (processes_refuse_if_concluded, processes migration 20261205-0600).
-- The record also takes breaks of silence (per paragraph) and each paragraph's outcome at the
-- deadline, as statements.

alter table negotiation_statement drop constraint negotiation_statement_kind_check;
alter table negotiation_statement add constraint negotiation_statement_kind_check
  check (kind in ('declaration', 'explanation', 'reservation', 'reopening', 'silence_break', 'silence_outcome'));
alter table negotiation_statement add column silence_id bigint constraint negotiation_statement_silence_id_fkey
  references negotiation_silence (id) deferrable initially immediate;

create function negotiation_paragraph_guard_frozen() returns trigger language plpgsql as $$
begin
  if new.status in ('adopted', 'agreed_ad_ref') and new.text ~ '\[[^\]]*\]' then
    raise exception 'paragraph %: text with brackets cannot be adopted or agreed', new.id
      using errcode = 'check_violation', constraint = 'negotiation_paragraph_brackets';
  end if;
  if tg_op = 'UPDATE' and old.status in ('adopted', 'agreed_ad_ref') then
    if new.text is distinct from old.text or new.alternative_group is distinct from old.alternative_group then
      raise exception 'paragraph % stands %: its text is frozen until the Chair reopens it', old.id, old.status
        using errcode = 'check_violation', constraint = 'negotiation_paragraph_frozen';
    end if;
    -- leaving adopted / agreed ad ref: only right after a reopening went on the record
    if new.status not in ('adopted', 'agreed_ad_ref') and coalesce((
      select s.kind from negotiation_statement s where s.paragraph_id = old.id order by s.id desc limit 1), '')
        <> 'reopening' then
      raise exception 'paragraph % stands %: only the Chair reopens it, with a reason', old.id, old.status
        using errcode = 'check_violation', constraint = 'negotiation_paragraph_frozen';
    end if;
  end if;
  return new;
end
$$;
create trigger negotiation_paragraph_frozen before insert or update on negotiation_paragraph
  for each row execute function negotiation_paragraph_guard_frozen();

-- no amendment is tabled on a paragraph that stands adopted or agreed ad ref
create function negotiation_amendment_guard_frozen() returns trigger language plpgsql as $$
begin
  if exists (select 1 from negotiation_paragraph p where p.id = new.paragraph_id
      and p.status in ('adopted', 'agreed_ad_ref')) then
    raise exception 'paragraph % is frozen: no amendment is tabled on it', new.paragraph_id
      using errcode = 'check_violation', constraint = 'negotiation_paragraph_frozen';
  end if;
  return new;
end
$$;
create trigger negotiation_amendment_frozen before insert on negotiation_amendment
  for each row execute function negotiation_amendment_guard_frozen();

-- rows with their own process_id: documents and proposals
create function negotiation_guard_process() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform processes_refuse_if_concluded(old.process_id, tg_table_name);
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  perform processes_refuse_if_concluded(new.process_id, tg_table_name);
  return new;
end
$$;
create trigger negotiation_document_concluded before insert or update or delete on negotiation_document
  for each row execute function negotiation_guard_process();
create trigger negotiation_proposal_concluded before insert or update or delete on negotiation_proposal
  for each row execute function negotiation_guard_process();

-- rows of a document
create function negotiation_guard_document() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform processes_refuse_if_concluded(
      (select process_id from negotiation_document where id = old.document_id), tg_table_name);
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  perform processes_refuse_if_concluded(
    (select process_id from negotiation_document where id = new.document_id), tg_table_name);
  return new;
end
$$;
create trigger negotiation_paragraph_concluded before insert or update or delete on negotiation_paragraph
  for each row execute function negotiation_guard_document();
create trigger negotiation_amendment_concluded before insert or update or delete on negotiation_amendment
  for each row execute function negotiation_guard_document();
create trigger negotiation_statement_concluded before insert or update or delete on negotiation_statement
  for each row execute function negotiation_guard_document();
create trigger negotiation_comment_concluded before insert or update or delete on negotiation_comment
  for each row execute function negotiation_guard_document();
create trigger negotiation_revision_concluded before insert or update or delete on negotiation_revision
  for each row execute function negotiation_guard_document();
create trigger negotiation_silence_concluded before insert or update or delete on negotiation_silence
  for each row execute function negotiation_guard_document();
create trigger negotiation_current_position_concluded before insert or update or delete
  on negotiation_current_position for each row execute function negotiation_guard_document();
create trigger negotiation_tally_concluded before insert or update or delete on negotiation_tally
  for each row execute function negotiation_guard_document();

-- rows of a proposal
create function negotiation_guard_proposal() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform processes_refuse_if_concluded(
      (select process_id from negotiation_proposal where id = old.proposal_id), tg_table_name);
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  perform processes_refuse_if_concluded(
    (select process_id from negotiation_proposal where id = new.proposal_id), tg_table_name);
  return new;
end
$$;
create trigger negotiation_proposal_version_concluded before insert or update or delete
  on negotiation_proposal_version for each row execute function negotiation_guard_proposal();
create trigger negotiation_proposal_proponent_concluded before insert or update or delete
  on negotiation_proposal_proponent for each row execute function negotiation_guard_proposal();
create trigger negotiation_proposal_source_concluded before insert or update or delete
  on negotiation_proposal_source for each row execute function negotiation_guard_proposal();

-- positions: the history refers to a paragraph or an amendment
create function negotiation_position_guard_concluded() returns trigger language plpgsql as $$
declare
  row negotiation_position;
begin
  row := case when tg_op = 'DELETE' then old else new end;
  perform processes_refuse_if_concluded((select d.process_id from negotiation_document d where d.id = (
    case row.subject_type
      when 'paragraph' then (select document_id from negotiation_paragraph where id = row.subject_id)
      else (select document_id from negotiation_amendment where id = row.subject_id)
    end)), tg_table_name);
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end
$$;
create trigger negotiation_position_concluded before insert or update or delete on negotiation_position
  for each row execute function negotiation_position_guard_concluded();

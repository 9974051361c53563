-- A concluded process takes no contribution, revision, withdrawal or publication, in the database
-- too (processes_refuse_if_concluded comes from the processes module's migration 20261205-0600).
-- Hiding abuse with a public reason stays possible: it is a moderation duty that does not end with
-- the process, and the contribution stays on the record with its reason.

create function contributions_contribution_guard_concluded() returns trigger language plpgsql as $$
declare
  hiding_only text[] := array['status', 'hidden_at', 'hidden_reason', 'updated_at'];
begin
  if tg_op = 'DELETE' then
    perform processes_refuse_if_concluded(old.process_id, tg_table_name);
    return old;
  end if;
  if tg_op = 'UPDATE' then
    if old.status <> 'hidden' and new.status = 'hidden'
      and to_jsonb(new) - hiding_only = to_jsonb(old) - hiding_only then
      return new;
    end if;
    perform processes_refuse_if_concluded(old.process_id, tg_table_name);
  end if;
  perform processes_refuse_if_concluded(new.process_id, tg_table_name);
  return new;
end
$$;
create trigger contributions_contribution_concluded before insert or update or delete on contributions_contribution
  for each row execute function contributions_contribution_guard_concluded();

-- rows of a contribution: its revisions and attachments
create function contributions_row_guard_concluded() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform processes_refuse_if_concluded(
      (select process_id from contributions_contribution where id = old.contribution_id), tg_table_name);
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  perform processes_refuse_if_concluded(
    (select process_id from contributions_contribution where id = new.contribution_id), tg_table_name);
  return new;
end
$$;
create trigger contributions_revision_concluded before insert or update or delete on contributions_revision
  for each row execute function contributions_row_guard_concluded();
create trigger contributions_attachment_concluded before insert or update or delete on contributions_attachment
  for each row execute function contributions_row_guard_concluded();

-- the answers of a revision
create function contributions_answer_guard_concluded() returns trigger language plpgsql as $$
declare
  process bigint;
begin
  if tg_op in ('UPDATE', 'DELETE') then
    select c.process_id into process from contributions_revision r
      join contributions_contribution c on c.id = r.contribution_id where r.id = old.revision_id;
    perform processes_refuse_if_concluded(process, tg_table_name);
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  select c.process_id into process from contributions_revision r
    join contributions_contribution c on c.id = r.contribution_id where r.id = new.revision_id;
  perform processes_refuse_if_concluded(process, tg_table_name);
  return new;
end
$$;
create trigger contributions_answer_concluded before insert or update or delete on contributions_answer
  for each row execute function contributions_answer_guard_concluded();

-- The proposals module takes over the five tables of proposals that the negotiation module's first
-- migrations created (20261126-0300-negotiation-create-tables, 20261206-0120-negotiation-
-- cosponsorship-consent stay where they landed: the migrator knows a migration by its file name).
-- They, their sequences, indexes and constraints take the module's prefix; rows, foreign keys
-- (the negotiation's paragraphs and the deliberations point at proposals_proposal) and identity
-- counters follow a rename. The guards negotiation dropped just before (20261214-0300) come back
-- under this module's name, with bodies naming the new tables: plpgsql keeps a body's text, so a
-- function naming an old table would fail at its first call.
alter table negotiation_proposal rename to proposals_proposal;
alter table negotiation_proposal_version rename to proposals_proposal_version;
alter table negotiation_proposal_proponent rename to proposals_proposal_proponent;
alter table negotiation_proposal_source rename to proposals_proposal_source;
alter table negotiation_cosponsorship rename to proposals_cosponsorship;

alter sequence negotiation_proposal_id_seq rename to proposals_proposal_id_seq;
alter sequence negotiation_cosponsorship_id_seq rename to proposals_cosponsorship_id_seq;
alter index negotiation_proposal_process rename to proposals_proposal_process;
alter index negotiation_proposal_proponent_key rename to proposals_proposal_proponent_key;
alter index negotiation_cosponsorship_key rename to proposals_cosponsorship_key;

-- a primary key's rename renames its index too
alter table proposals_proposal rename constraint negotiation_proposal_pkey to proposals_proposal_pkey;
alter table proposals_proposal rename constraint negotiation_proposal_process_id_fkey
  to proposals_proposal_process_id_fkey;
alter table proposals_proposal rename constraint negotiation_proposal_status_check to proposals_proposal_status_check;
alter table proposals_proposal rename constraint negotiation_proposal_merged_into_id_fkey
  to proposals_proposal_merged_into_id_fkey;
alter table proposals_proposal rename constraint negotiation_proposal_language_check
  to proposals_proposal_language_check;
alter table proposals_proposal_version rename constraint negotiation_proposal_version_pkey
  to proposals_proposal_version_pkey;
alter table proposals_proposal_version rename constraint negotiation_proposal_version_proposal_id_fkey
  to proposals_proposal_version_proposal_id_fkey;
alter table proposals_proposal_proponent rename constraint negotiation_proposal_proponent_proposal_id_fkey
  to proposals_proposal_proponent_proposal_id_fkey;
alter table proposals_proposal_proponent rename constraint negotiation_proposal_proponent_one
  to proposals_proposal_proponent_one;
alter table proposals_proposal_proponent rename constraint negotiation_proposal_proponent_role_check
  to proposals_proposal_proponent_role_check;
alter table proposals_proposal_source rename constraint negotiation_proposal_source_pkey
  to proposals_proposal_source_pkey;
alter table proposals_proposal_source rename constraint negotiation_proposal_source_proposal_id_fkey
  to proposals_proposal_source_proposal_id_fkey;
alter table proposals_cosponsorship rename constraint negotiation_cosponsorship_pkey to proposals_cosponsorship_pkey;
alter table proposals_cosponsorship rename constraint negotiation_cosponsorship_proposal_id_fkey
  to proposals_cosponsorship_proposal_id_fkey;
alter table proposals_cosponsorship rename constraint negotiation_cosponsorship_status_check
  to proposals_cosponsorship_status_check;
alter table proposals_cosponsorship rename constraint negotiation_cosponsorship_one to proposals_cosponsorship_one;

-- A concluded process's proposals are read-only, in the database too (as 20261206-0110 had it):
-- a proposal by its own process, the rows of a proposal by their proposal's.
create function proposals_guard_process() returns trigger language plpgsql as $$
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
create trigger proposals_proposal_concluded before insert or update or delete on proposals_proposal
  for each row execute function proposals_guard_process();

create function proposals_guard_proposal() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform processes_refuse_if_concluded(
      (select process_id from proposals_proposal where id = old.proposal_id), tg_table_name);
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  perform processes_refuse_if_concluded(
    (select process_id from proposals_proposal where id = new.proposal_id), tg_table_name);
  return new;
end
$$;
create trigger proposals_proposal_version_concluded before insert or update or delete
  on proposals_proposal_version for each row execute function proposals_guard_proposal();
create trigger proposals_proposal_proponent_concluded before insert or update or delete
  on proposals_proposal_proponent for each row execute function proposals_guard_proposal();
create trigger proposals_proposal_source_concluded before insert or update or delete
  on proposals_proposal_source for each row execute function proposals_guard_proposal();
create trigger proposals_cosponsorship_concluded before insert or update or delete on proposals_cosponsorship
  for each row execute function proposals_guard_proposal();

-- nobody is shown as co-sponsor without its own acceptance (as 20261206-0120 had it)
create function proposals_proponent_guard_consent() returns trigger language plpgsql as $$
begin
  if new.role = 'cosponsor' and not exists (
    select 1 from proposals_cosponsorship c where c.proposal_id = new.proposal_id and c.status = 'accepted'
      and c.member_state_iso3 is not distinct from new.member_state_iso3
      and c.organization_id is not distinct from new.organization_id) then
    raise exception 'proposal %: a co-sponsor is listed only once it has accepted', new.proposal_id
      using errcode = 'check_violation', constraint = 'proposals_proposal_proponent_consent';
  end if;
  return new;
end
$$;
create trigger proposals_proposal_proponent_consent before insert or update on proposals_proposal_proponent
  for each row execute function proposals_proponent_guard_consent();

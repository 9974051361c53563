-- Contributions that arrive in bulk (a spreadsheet, a mailbox, the bulk API) keep the identifier
-- they had at their source and where they came from (the import, the file, the line). A re-run of
-- the same file adds nothing twice: one contribution per call and external id.
alter table contributions_contribution
  add column external_id text,
  add column import_id bigint,
  add column source_file text,
  add column source_line integer;

create unique index contributions_contribution_external on contributions_contribution (call_id, external_id)
  where external_id is not null;

-- an imported speaker has no account of their own (the Secretariat account that imported them is
-- the author), so the one-standing-contribution rule binds those who submitted on the platform
drop index contributions_contribution_one_per_speaker;
create unique index contributions_contribution_one_per_speaker on contributions_contribution (
  call_id, speaking_for, coalesce(member_state_iso3, ''), coalesce(organization_id, 0),
  (case when speaking_for = 'self' then author_account_id else 0 end))
  where status <> 'withdrawn' and external_id is null;

-- an imported organization may be one the platform does not know: it is named, not linked
alter table contributions_contribution drop constraint contributions_contribution_speaker_check;
alter table contributions_contribution add constraint contributions_contribution_speaker_check check (
  (speaking_for = 'member_state' and member_state_iso3 is not null and organization_id is null) or
  (speaking_for = 'organization' and organization_id is not null and member_state_iso3 is null) or
  (speaking_for = 'organization' and external_id is not null and member_state_iso3 is null) or
  (speaking_for = 'self' and member_state_iso3 is null and organization_id is null));

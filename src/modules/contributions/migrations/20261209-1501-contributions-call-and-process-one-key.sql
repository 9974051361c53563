-- A contribution's call and process checked by one foreign key (the call of that process) instead
-- of two: a bulk import checks every row it writes, and this was a third of those checks. It is
-- also stricter: a contribution can no longer name a call of another process. The process is
-- still checked, through the call's own key to it.
alter table contributions_contribution
  drop constraint contributions_contribution_call_id_fkey,
  drop constraint contributions_contribution_process_id_fkey,
  add constraint contributions_contribution_call_process_fkey foreign key (call_id, process_id)
    references processes_call (id, process_id) deferrable initially immediate;

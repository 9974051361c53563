-- An annual report keyed in by the Secretariat on an organization's behalf (common when an
-- organization sends a PDF) says so on every version it submitted: the flag is set by the command
-- from who submitted, never typed.
alter table annual_reports_version
  add column keyed_in_by_secretariat boolean not null default false;

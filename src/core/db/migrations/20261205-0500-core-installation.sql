-- The installation's own identity: one row, created on first use, that outside formats derive
-- stable identifiers from (iCalendar UIDs), whatever address the site is reached by. It is
-- exported with the data, so an installation moved by `ecp export` / `ecp import` keeps it.
create table core_installation (
  singleton boolean not null default true constraint core_installation_pkey primary key
    constraint core_installation_singleton_check check (singleton),
  id uuid not null default gen_random_uuid(),
  created_at timestamptz not null default now()
);

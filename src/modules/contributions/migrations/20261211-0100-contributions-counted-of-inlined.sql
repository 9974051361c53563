-- What a count needs of a contribution (20261210-0501), as one row expression: PostgreSQL runs a
-- SQL function whose select lists several columns as a query of its own at every call (an executor
-- started per row), which made the participation counts of a 5,000-row import batch a quarter of
-- the database's work on it; a function whose select is one expression is written into the
-- statement that calls it (inlined), so reading the counted values costs what reading the columns
-- does. Same values, same order, same type.
create or replace function contributions_counted_of(c contributions_contribution) returns contributions_counted
  language sql immutable as $$
  select row(c.id, c.process_id, c.call_id, c.speaking_for, c.member_state_iso3, c.organization_id,
    contributions_person(c.speaking_for, c.import_id, c.author_account_id, c.contributor_name),
    c.stakeholder_group, c.regional_group, c.ldc, c.lldc, c.sids, c.language, c.status,
    extract(year from c.created_at at time zone 'UTC')::int, coalesce(c.published_at, c.created_at))::contributions_counted
$$;

-- The counts that head every contribution list and compilation, kept up to date by a trigger so a
-- process with a hundred thousand contributions does not count them on every page view. Derived
-- data: left out of `ecp export`, rebuilt by the trigger when the contributions are imported.
create table contributions_tally (
  process_id bigint not null,
  stakeholder_group text not null,
  -- '' when the contributor has no regional group (an individual)
  regional_group text not null,
  ldc boolean not null,
  lldc boolean not null,
  sids boolean not null,
  language text not null,
  n integer not null,
  constraint contributions_tally_pkey
    primary key (process_id, stakeholder_group, regional_group, ldc, lldc, sids, language)
);

create function contributions_tally_change() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.status = 'published' then
    update contributions_tally set n = n - 1
    where process_id = old.process_id and stakeholder_group = old.stakeholder_group
      and regional_group = coalesce(old.regional_group, '') and ldc = old.ldc and lldc = old.lldc
      and sids = old.sids and language = old.language;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'published' then
    insert into contributions_tally
    values (new.process_id, new.stakeholder_group, coalesce(new.regional_group, ''), new.ldc, new.lldc,
      new.sids, new.language, 1)
    on conflict on constraint contributions_tally_pkey do update set n = contributions_tally.n + 1;
  end if;
  return null;
end
$$;

create trigger contributions_tally_change after insert or update or delete on contributions_contribution
  for each row execute function contributions_tally_change();

insert into contributions_tally
select process_id, stakeholder_group, coalesce(regional_group, ''), ldc, lldc, sids, language, count(*)
from contributions_contribution where status = 'published'
group by 1, 2, 3, 4, 5, 6, 7;

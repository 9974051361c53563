-- Read models for the consultation pages at a million contributions: per call, how many
-- contributions the analysis has read and how many are in no campaign (counted on every page
-- before); per campaign, its most sent distinct personal additions (grouped on every view of
-- the compilation before); and an index for the contributions in no campaign, in id order.
alter table consultation_setting
  add column analysed integer not null default 0,
  add column lone integer not null default 0;
update consultation_setting s set
  analysed = (select count(*) from consultation_member m where m.call_id = s.call_id),
  lone = (select count(*) from consultation_member m where m.call_id = s.call_id and m.campaign_id is null);
insert into consultation_setting (call_id, analysed, lone)
select call_id, count(*), count(*) filter (where campaign_id is null) from consultation_member
where call_id not in (select call_id from consultation_setting)
group by call_id;

-- [{"text": "...", "count": n}], the most sent first (a rebuild recomputes; an arriving member
-- adds to a listed addition, or lists a new one while there are fewer than 20)
alter table consultation_campaign add column top_additions jsonb not null default '[]';
update consultation_campaign k set top_additions = coalesce((
  select jsonb_agg(jsonb_build_object('text', a.additions, 'count', a.n) order by a.n desc, a.additions)
  from (select additions, sum(members)::int as n from consultation_text
        where campaign_id = k.id and additions <> '' group by additions
        order by n desc, additions limit 20) a), '[]');

create index consultation_member_lone on consultation_member (call_id, contribution_id) where campaign_id is null;

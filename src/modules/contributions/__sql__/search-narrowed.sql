select websearch_to_tsquery(contributions_search_config($1), contributions_search_text($2, $3))::text as "ar", websearch_to_tsquery(contributions_search_config($4), contributions_search_text($5, $6))::text as "zh", websearch_to_tsquery(contributions_search_config($7), contributions_search_text($8, $9))::text as "en", websearch_to_tsquery(contributions_search_config($10), contributions_search_text($11, $12))::text as "fr", websearch_to_tsquery(contributions_search_config($13), contributions_search_text($14, $15))::text as "ru", websearch_to_tsquery(contributions_search_config($16), contributions_search_text($17, $18))::text as "es";

set local enable_indexscan = off;

with m as materialized ( select s.contribution_id, s.question_id, s.stakeholder_group, s.regional_group, s.language, cm.campaign_id, cm.contribution_id is not null as in_campaign
from contributions_search s
left join (select null::bigint as contribution_id, null::bigint as campaign_id
where false) cm on cm.contribution_id = s.contribution_id
where s.call_id = $1 and s.status in ($2, $3) and ((s.language = $4 and s.document @@ $5::tsquery)) and s.question_id = $6 and s.stakeholder_group = $7 and s.regional_group is null and s.language = $8 and cm.contribution_id is null
order by s.contribution_id desc, s.question_id desc
limit $9) select (select count(*)::int
from m) as counted, (select coalesce(json_agg(g), '[]')
from ( select question_id as question, stakeholder_group as grp, regional_group as region, language, in_campaign as campaign, count(*)::int as n
from (select *
from m
order by contribution_id desc, question_id desc
limit $10) newest
group by 1, 2, 3, 4, 5) g) as groups, (select coalesce(json_agg(p), '[]')
from ( select contribution_id as contribution, question_id as question, campaign_id as campaign
from (select s.contribution_id, s.question_id, s.stakeholder_group, s.regional_group, s.language, cm.campaign_id, cm.contribution_id is not null as in_campaign
from contributions_search s
left join (select null::bigint as contribution_id, null::bigint as campaign_id
where false) cm on cm.contribution_id = s.contribution_id
where s.call_id = $11 and s.status in ($12, $13) and ((s.language = $14 and s.document @@ $15::tsquery)) and s.question_id = $16 and s.stakeholder_group = $17 and s.regional_group is null and s.language = $18 and cm.contribution_id is null and (s.contribution_id, s.question_id) < ($19, $20)
order by s.contribution_id desc, s.question_id desc
limit $21) p0) p) as page;

set local enable_indexscan = on;

select c.id::int as "contributionId", r.question_id as "questionId", c.contributor_name as "contributorName", c.stakeholder_group as "stakeholderGroup", c.regional_group as "regionalGroup", r.language, c.status, c.created_at as "submittedAt", ts_headline(contributions_search_config(r.language), case when r.language = 'zh' then contributions_search_text(translate(r.body, $1, ''), 'zh') else translate(r.body, $2, '') end, coalesce(case r.language when $3 then $4::tsquery when $5 then $6::tsquery end, ''::tsquery), case when r.language = 'zh' then $7 else $8 end) as excerpt
from unnest($9::bigint[], $10::int[]) as p(contribution_id, question_id) join contributions_contribution c on c.id = p.contribution_id join contributions_current_answer r on r.contribution_id = c.id and r.question_id = p.question_id;

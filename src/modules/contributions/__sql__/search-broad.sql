select contributions_search_query($1, $2)::text as "ar", contributions_search_query($3, $4)::text as "zh", contributions_search_query($5, $6)::text as "en", contributions_search_query($7, $8)::text as "fr", contributions_search_query($9, $10)::text as "ru", contributions_search_query($11, $12)::text as "es", websearch_to_tsquery('simple', contributions_search_text($13, 'zh'))::text as zhx, (select coalesce(max(x.f), 0)
from pg_stats p, unnest(p.most_common_vals::text::bigint[], p.most_common_freqs) as x(v, f)
where p.tablename = 'contributions_search' and p.attname = 'call_id' and x.v = $14) as share, (select max(contribution_id)
from contributions_search) as top;

with w as materialized (select s.contribution_id, s.question_id, s.stakeholder_group, s.regional_group, s.language, true as member
from contributions_search s
where s.document @@ $1::tsquery and s.document @@ $2::tsquery and s.document @@ $3::tsquery and s.document @@ $4::tsquery and s.call_id = $5 and s.status in ($6)
union all select s.contribution_id, s.question_id, s.stakeholder_group, s.regional_group, s.language, false as member
from contributions_search s
where s.document @@ $7::tsquery and s.document @@ $8::tsquery and s.document @@ $9::tsquery and s.document @@ $10::tsquery and s.call_id = $11 and s.status in ($12)), f as (select *
from w
where w.contribution_id >= $13 and (w.contribution_id, w.question_id) < ($14, $15)
order by contribution_id desc, question_id desc
limit $16) select coalesce(json_agg(json_build_array(contribution_id, question_id, stakeholder_group, regional_group, language, member)
order by contribution_id desc, question_id desc), '[]') as found
from f;

with w as materialized (select *
from contributions_search_matches($1::text[], $2, $3, $4::text[])
union all select *
from contributions_search_matches($5::text[], $6, $7, $8::text[])), f as (select *
from w
where w.contribution_id >= $9 and (w.contribution_id, w.question_id) < ($10, $11)
order by contribution_id desc, question_id desc
limit $12) select coalesce(json_agg(json_build_array(contribution_id, question_id, stakeholder_group, regional_group, language, member)
order by contribution_id desc, question_id desc), '[]') as found
from f;

select c.id::int as "contributionId", r.question_id as "questionId", c.contributor_name as "contributorName", (select cm.campaign_id
from (select null::bigint as contribution_id, null::bigint as campaign_id
where false) cm
where cm.contribution_id = c.id) as "campaignId", c.stakeholder_group as "stakeholderGroup", c.regional_group as "regionalGroup", r.language, c.status, c.created_at as "submittedAt", ts_headline(contributions_search_config(r.language), case when r.language = 'zh' then contributions_search_text(translate(r.body, $1, ''), 'zh') else translate(r.body, $2, '') end, coalesce(case r.language when $3 then $4::tsquery when $5 then $6::tsquery end, ''::tsquery), case when r.language = 'zh' then $7 else $8 end) as excerpt
from unnest($9::bigint[], $10::int[]) as p(contribution_id, question_id) join contributions_contribution c on c.id = p.contribution_id cross join lateral (select r.question_id, r.language, r.body
from contributions_current_answer r
where r.contribution_id = p.contribution_id and r.question_id = p.question_id
offset 0) r;

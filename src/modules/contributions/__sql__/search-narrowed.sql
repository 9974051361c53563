select contributions_search_query($1, $2)::text as "ar", contributions_search_query($3, $4)::text as "zh", contributions_search_query($5, $6)::text as "en", contributions_search_query($7, $8)::text as "fr", contributions_search_query($9, $10)::text as "ru", contributions_search_query($11, $12)::text as "es", websearch_to_tsquery('simple', contributions_search_text($13, 'zh'))::text as zhx, (select coalesce(max(x.f), 0)
from pg_stats p, unnest(p.most_common_vals::text::bigint[], p.most_common_freqs) as x(v, f)
where p.tablename = 'contributions_search' and p.attname = 'call_id' and x.v = $14) as share, (select max(contribution_id)
from contributions_search) as top;

with w as materialized (select s.contribution_id, s.question_id, s.stakeholder_group, s.regional_group, s.language, false as member
from contributions_search s
where s.document @@ $1::tsquery and s.document @@ $2::tsquery and s.document @@ $3::tsquery and s.document @@ $4::tsquery and s.document @@ $5::tsquery and s.document @@ $6::tsquery and s.document @@ $7::tsquery and s.document @@ $8::tsquery and s.call_id = $9 and s.status in ($10, $11)), f as (select *
from w
where w.contribution_id >= $12 and (w.contribution_id, w.question_id) < ($13, $14)
order by contribution_id desc, question_id desc
limit $15) select coalesce(json_agg(json_build_array(contribution_id, question_id, stakeholder_group, regional_group, language, member)
order by contribution_id desc, question_id desc), '[]') as found
from f;

with w as materialized (select *
from contributions_search_matches($1::text[], $2, $3, $4::text[])), f as (select *
from w
where w.contribution_id >= $5 and (w.contribution_id, w.question_id) < ($6, $7)
order by contribution_id desc, question_id desc
limit $8) select coalesce(json_agg(json_build_array(contribution_id, question_id, stakeholder_group, regional_group, language, member)
order by contribution_id desc, question_id desc), '[]') as found
from f;

select websearch_to_tsquery($1::regconfig, $2)::text as "ar", websearch_to_tsquery($3::regconfig, $4)::text as "zh", websearch_to_tsquery($5::regconfig, $6)::text as "en", websearch_to_tsquery($7::regconfig, $8)::text as "fr", websearch_to_tsquery($9::regconfig, $10)::text as "ru", websearch_to_tsquery($11::regconfig, $12)::text as "es";

with m as materialized ((select "id", "type", "language", "issue_slugs", "published_on", case language when $1 then ts_rank_cd(search, $2::tsquery) when $3 then ts_rank_cd(search, $4::tsquery) else 0 end as "rank"
from "knowledge_item"
where "status" = $5 and ((language = $6 and search @@ $7::tsquery) or (language = $8 and search @@ $9::tsquery)))) select (select count(*)::int
from m) as total, (select coalesce(json_agg(x), '[]')
from ( select id, rank
from m
order by rank desc, published_on desc nulls last, id desc
limit $10
offset $11) x) as page, (select json_agg(x)
from (select k as key, count(*)::int as n
from (select unnest(issue_slugs) as k
from m) s
group by k
order by n desc, k
limit 15) x) as issues, (select json_agg(x)
from (select type as key, count(*)::int as n
from m
group by type
order by n desc) x) as types, (select json_agg(x)
from (select language as key, count(*)::int as n
from m
group by language
order by n desc) x) as languages, (select json_agg(x)
from (select extract(year
from published_on)::int::text as key, count(*)::int as n
from m
where published_on is not null
group by 1
order by 1 desc
limit 15) x) as years;

with m as materialized ((select "id", "type", "language", "issue_slugs", "published_on", 0::real as "rank"
from "knowledge_item"
where "status" = $1 and issue_slugs @> array[$2]::text[] and "type" = $3 and "language" = $4 and extract(year
from published_on) = $5)) select (select count(*)::int
from m) as total, (select coalesce(json_agg(x), '[]')
from ( select id, rank
from m
order by rank desc, published_on desc nulls last, id desc
limit $6
offset $7) x) as page, (select json_agg(x)
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

select *
from "coordination_issue"
where "status" in ($1)
order by "basket", "id";

select "m".*, coalesce((select array_agg(l.issue_id
order by l.issue_id)
from coordination_mechanism_issue l
where l.mechanism_id = m.id), '{}') as "issue_ids"
from "coordination_mechanism" as "m"
order by "m"."name";

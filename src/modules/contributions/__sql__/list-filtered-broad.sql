select count(*) as "n"
from (select 1 as "one"
from "contributions_contribution"
where "process_id" = $1 and "status" in ($2) and "call_id" = $3
limit $4) as "bounded";

select "id"
from "contributions_contribution"
where "process_id" = $1 and "status" in ($2) and "call_id" = $3 and "id" < $4
order by "id" desc
limit $5;

select coalesce(sum("n"), 0) as "n"
from "contributions_tally"
where "process_id" = $1;

select "id"
from "contributions_contribution"
where "process_id" = $1 and "status" in ($2) and "id" < $3
order by "id" desc
limit $4;

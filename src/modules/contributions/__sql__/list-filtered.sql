select count(*) as "n"
from (select 1 as "one"
from "contributions_contribution"
where "process_id" = $1 and "status" in ($2, $3, $4) and "call_id" = $5 and answered_question_ids @> array[$6]::integer[] and "stakeholder_group" = $7 and "regional_group" = $8 and "language" = $9
limit $10) as "bounded";

select "m"."id"
from (select "id"
from "contributions_contribution"
where "process_id" = $1 and "status" in ($2) and "call_id" = $3 and answered_question_ids @> array[$4]::integer[] and "stakeholder_group" = $5 and "regional_group" = $6 and "language" = $7 and "id" < $8
offset $9) as "m"
order by "m"."id" desc
limit $10;

select "m"."id"
from (select "id"
from "contributions_contribution"
where "process_id" = $1 and "status" in ($2, $3) and "call_id" = $4 and answered_question_ids @> array[$5]::integer[] and "stakeholder_group" = $6 and "regional_group" = $7 and "language" = $8 and "id" < $9
offset $10) as "m"
order by "m"."id" desc
limit $11;

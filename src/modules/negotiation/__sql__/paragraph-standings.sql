select "id", "text"
from "negotiation_paragraph"
where "document_id" = $1;

select *
from "negotiation_tally"
where "document_id" = $1 and "subject_type" = $2;

select "subject_id", "member_state_iso3", "position", "at", "account_id", "note", "wording"
from "negotiation_current_position"
where "subject_type" = $1 and "subject_id" in ($2)
order by "member_state_iso3";

select "id", "text"
from "negotiation_paragraph"
where "id" in ($1);

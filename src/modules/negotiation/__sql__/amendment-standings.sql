select *
from "negotiation_tally"
where "document_id" = $1 and "subject_type" = $2;

select coalesce(sum("n"), 0) as "n"
from "contributions_tally"
where "process_id" = $1;

select "id", "call_id", "process_id", "speaking_for", "member_state_iso3", "organization_id", "author_account_id", "contributor_name", "stakeholder_group", "regional_group", "ldc", "lldc", "sids", "language", "status", "revision_count", "answered_question_ids", "created_at", "updated_at", "published_at", "withdrawn_at", "withdrawal_note", "hidden_at", "hidden_reason", "external_id"
from "contributions_contribution"
where "process_id" = $1 and "status" in ($2) and "id" < $3
order by "id" desc
limit $4;

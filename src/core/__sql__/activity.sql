select *
from (select $1::text as kind, "call".*
from ((select ('call:' || id)::text as "id", "process_id" as "process_id", "opens_at" as "at", $2::text as "message", jsonb_build_object($3::text, "title") as "values", ('/processes/' || process_id || '#call-' || id)::text as "href"
from "processes_call")) as "call"
union all select $4::text as kind, "meeting".*
from ((select ('meeting:' || id)::text as "id", "process_id" as "process_id", "created_at" as "at", $5::text as "message", jsonb_build_object($6::text, "title") as "values", ('/meetings/' || id)::text as "href"
from "processes_meeting")) as "meeting"
union all select $7::text as kind, "document".*
from ((select ('document:' || id)::text as "id", "process_id" as "process_id", "created_at" as "at", $8::text as "message", jsonb_build_object($9::text, case when symbol is not null and symbol <> '' then symbol || ': ' || title else title end) as "values", ('/processes/' || process_id || '#documents')::text as "href"
from "processes_document")) as "document"
union all select $10::text as kind, "transmission".*
from ((select ('transmission:' || id)::text as "id", "process_id" as "process_id", "created_at" as "at", $11::text as "message", jsonb_build_object($12::text, "occasion") as "values", ('/processes/' || process_id || '#transmissions')::text as "href"
from "processes_transmission")) as "transmission"
union all select $13::text as kind, "contribution".*
from ((select ('contribution:' || id || ':' || status || ':' || revision_count)::text as "id", "process_id" as "process_id", "updated_at" as "at", case when status = 'withdrawn' then 'contributions.activity.withdrawn' when revision_count > 1 then 'contributions.activity.revised' else 'contributions.activity.published' end as "message", jsonb_build_object($14::text, "contributor_name", $15::text, "revision_count") as "values", ('/contributions/' || id)::text as "href"
from "contributions_contribution"
where "status" in ($16, $17))) as "contribution"
union all select $18::text as kind, "proposal".*
from ((select ('proposal:' || id)::text as "id", "process_id" as "process_id", "created_at" as "at", $19::text as "message", jsonb_build_object($20::text, "title") as "values", ('/proposals/' || id)::text as "href"
from "proposals_proposal")) as "proposal"
union all select $21::text as kind, "revision".*
from ((select ('revision:' || r.id)::text as "id", "d"."process_id" as "process_id", "r"."issued_at" as "at", case when r.number = 0 then 'negotiation.activity.zeroDraft' else 'negotiation.activity.revision' end as "message", jsonb_build_object($22::text, "r"."label", $23::text, "d"."title") as "values", ('/negotiation/' || d.id || '/revisions/' || r.number)::text as "href"
from "negotiation_revision" as "r"
inner join "negotiation_document" as "d" on "d"."id" = "r"."document_id")) as "revision") as activity
where process_id in ($24, $25) and at > $26 and at <= $27
order by at desc, id
limit $28;

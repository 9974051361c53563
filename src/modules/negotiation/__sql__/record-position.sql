select "s".*, "d"."process_id" as "document_process_id"
from "negotiation_paragraph" as "s"
inner join "negotiation_document" as "d" on "d"."id" = "s"."document_id"
where "s"."id" = $1 for update of "s";

with history as ( insert into negotiation_position (subject_type, subject_id, member_state_iso3, position, note, account_id, at, wording) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id ), current_word as ( insert into negotiation_current_position (subject_type, subject_id, member_state_iso3, document_id, position_id, position, wording, note, account_id, at) select $9, $10, $11, $12, history.id, $13, $14, $15, $16, $17
from history on conflict (subject_type, subject_id, member_state_iso3) do update set document_id = excluded.document_id, position_id = excluded.position_id, position = excluded.position, wording = excluded.wording, note = excluded.note, account_id = excluded.account_id, at = excluded.at returning member_state_iso3, position, wording ), standing as ( select member_state_iso3, position, wording
from negotiation_current_position
where subject_type = $18 and subject_id = $19 and member_state_iso3 <> $20
union all select member_state_iso3, position, wording
from current_word ), counted as ( insert into negotiation_tally (subject_type, subject_id, document_id, wording, support, no_objection, objection, reservation, earlier, objecting, reserving, earlier_objecting) select $21, $22, $23, $24, (count(*) filter (where wording = $25 and position = 'support'))::int, (count(*) filter (where wording = $26 and position = 'no_objection'))::int, (count(*) filter (where wording = $27 and position = 'objection'))::int, (count(*) filter (where wording = $28 and position = 'reservation'))::int, (count(*) filter (where wording <> $29))::int, coalesce(array_agg(member_state_iso3
order by member_state_iso3) filter (where position = 'objection'), '{}'), coalesce(array_agg(member_state_iso3
order by member_state_iso3) filter (where wording = $30 and position = 'reservation'), '{}'), coalesce(array_agg(member_state_iso3
order by member_state_iso3) filter (where wording <> $31 and position = 'objection'), '{}')
from standing on conflict (subject_type, subject_id) do update set wording = excluded.wording, support = excluded.support, no_objection = excluded.no_objection, objection = excluded.objection, reservation = excluded.reservation, earlier = excluded.earlier, objecting = excluded.objecting, reserving = excluded.reserving, earlier_objecting = excluded.earlier_objecting returning subject_id ) select (select id
from history) as id, pg_advisory_xact_lock($32) as also
from counted;

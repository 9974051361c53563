-- A position is given on a wording, and where the States stand is read without the history.
-- Each position records the fingerprint (SHA-256, hex) of the text it was given on: a paragraph's
-- text, or an amendment's operation, quoted text and new text (rules/wording.ts computes the same).
-- Positions given before this migration are taken as given on the text as it then stood.
-- negotiation_current_position keeps each State's latest word per subject, and negotiation_tally
-- one row per subject with its counts; commands keep both in the transaction that records the
-- position or changes the text (queries-standing.ts). negotiation_position stays the record.
alter table negotiation_position add column wording text;
update negotiation_position p set wording = encode(sha256(convert_to(g.text, 'UTF8')), 'hex')
  from negotiation_paragraph g where p.subject_type = 'paragraph' and g.id = p.subject_id;
update negotiation_position p set wording = encode(sha256(convert_to(
    a.operation || E'\n' || coalesce(a.quoted_old, '') || E'\n' || coalesce(a.new_text, ''), 'UTF8')), 'hex')
  from negotiation_amendment a where p.subject_type = 'amendment' and a.id = p.subject_id;
-- a position whose subject is gone (none should be) keeps an empty fingerprint: never current
update negotiation_position set wording = '' where wording is null;
alter table negotiation_position alter column wording set not null;

create table negotiation_current_position (
  subject_type text not null constraint negotiation_current_position_subject_type_check
    check (subject_type in ('paragraph', 'amendment')),
  subject_id bigint not null,
  member_state_iso3 text not null,
  document_id bigint not null constraint negotiation_current_position_document_id_fkey
    references negotiation_document (id) deferrable initially immediate,
  position_id bigint not null constraint negotiation_current_position_position_id_fkey
    references negotiation_position (id) deferrable initially immediate,
  position text not null constraint negotiation_current_position_position_check
    check (position in ('support', 'no_objection', 'objection', 'reservation')),
  wording text not null,
  note text,
  account_id bigint not null,
  at timestamptz not null,
  constraint negotiation_current_position_pkey primary key (subject_type, subject_id, member_state_iso3)
);
create index negotiation_current_position_document
  on negotiation_current_position (document_id, subject_type, subject_id);

-- one row per subject: counts on its present wording, and who objects, reserves or spoke earlier
create table negotiation_tally (
  subject_type text not null constraint negotiation_tally_subject_type_check
    check (subject_type in ('paragraph', 'amendment')),
  subject_id bigint not null,
  document_id bigint not null constraint negotiation_tally_document_id_fkey
    references negotiation_document (id) deferrable initially immediate,
  -- the fingerprint of the wording the counts are about
  wording text not null,
  support integer not null default 0,
  no_objection integer not null default 0,
  objection integer not null default 0,
  reservation integer not null default 0,
  earlier integer not null default 0,
  objecting text[] not null default '{}',
  reserving text[] not null default '{}',
  earlier_objecting text[] not null default '{}',
  constraint negotiation_tally_pkey primary key (subject_type, subject_id)
);
create index negotiation_tally_document on negotiation_tally (document_id, subject_type);

-- the current positions and tallies of what is already recorded (the latest word; ties: later id)
insert into negotiation_current_position
  (subject_type, subject_id, member_state_iso3, document_id, position_id, position, wording, note, account_id, at)
select distinct on (p.subject_type, p.subject_id, p.member_state_iso3)
  p.subject_type, p.subject_id, p.member_state_iso3, coalesce(g.document_id, a.document_id), p.id, p.position,
  p.wording, p.note, p.account_id, p.at
from negotiation_position p
left join negotiation_paragraph g on p.subject_type = 'paragraph' and g.id = p.subject_id
left join negotiation_amendment a on p.subject_type = 'amendment' and a.id = p.subject_id
where coalesce(g.document_id, a.document_id) is not null
order by p.subject_type, p.subject_id, p.member_state_iso3, p.at desc, p.id desc;

insert into negotiation_tally (subject_type, subject_id, document_id, wording, support, no_objection, objection,
  reservation, earlier, objecting, reserving, earlier_objecting)
select c.subject_type, c.subject_id, min(c.document_id), min(c.wording),
  count(*) filter (where c.position = 'support'), count(*) filter (where c.position = 'no_objection'),
  count(*) filter (where c.position = 'objection'), count(*) filter (where c.position = 'reservation'), 0,
  coalesce(array_agg(c.member_state_iso3 order by c.member_state_iso3) filter (where c.position = 'objection'), '{}'),
  coalesce(array_agg(c.member_state_iso3 order by c.member_state_iso3) filter (where c.position = 'reservation'), '{}'),
  '{}'
from negotiation_current_position c
group by c.subject_type, c.subject_id;

-- An amendment being written: one draft per author and paragraph, saved as it is typed (or by the
-- form's button), found again when the author comes back, private to them, removed once the
-- amendment is tabled. Only the author's account reads it.
create table negotiation_amendment_draft (
  paragraph_id bigint not null constraint negotiation_amendment_draft_paragraph_id_fkey
    references negotiation_paragraph (id) deferrable initially immediate,
  account_id bigint not null constraint negotiation_amendment_draft_account_id_fkey
    references auth_account (id) deferrable initially immediate,
  -- the voice chosen on the form ('member_state:BRA', 'organization:12'), '' when none yet
  speaker text not null default '' constraint negotiation_amendment_draft_speaker_check check (length(speaker) <= 40),
  operation text not null default '' constraint negotiation_amendment_draft_operation_check check (length(operation) <= 40),
  quoted_old text not null default '' constraint negotiation_amendment_draft_quoted_old_check check (length(quoted_old) <= 5000),
  new_text text not null default '' constraint negotiation_amendment_draft_new_text_check check (length(new_text) <= 20000),
  justification text not null default '' constraint negotiation_amendment_draft_justification_check
    check (length(justification) <= 5000),
  saved_at timestamptz not null,
  constraint negotiation_amendment_draft_pkey primary key (paragraph_id, account_id)
);
create index negotiation_amendment_draft_account on negotiation_amendment_draft (account_id);

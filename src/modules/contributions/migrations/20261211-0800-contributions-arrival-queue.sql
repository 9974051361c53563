-- Contributions published on the platform, waiting for whoever assigns them (the consultation):
-- an entry is written in the transaction that publishes (at submission in a call published as it
-- arrives, or when the Secretariat publishes one held for review) and taken away once processed.
-- A watermark on ids skipped two kinds: one published after a later one was read, and one whose
-- id (drawn before commit) committed after a higher one was read. A queue skips neither.
create table contributions_arrival (
  contribution_id bigint not null constraint contributions_arrival_pkey primary key
    constraint contributions_arrival_contribution_id_fkey
    references contributions_contribution (id) deferrable initially immediate
);

-- those published before the queue (some skipped by the watermark): the reader passes over the
-- ones already assigned with one index read per batch
insert into contributions_arrival (contribution_id)
  select id from contributions_contribution where status = 'published' and import_id is null;

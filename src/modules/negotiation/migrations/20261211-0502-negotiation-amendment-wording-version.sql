-- The rule an amendment's wording digest is made by (rules/wording.ts), kept with the amendment.
-- Rule 1 joined the operation, the quoted text and the new text with newlines, so two amendments
-- that split the same characters differently (quoting "a\nb" and bringing "c", or quoting "a" and
-- bringing "b\nc") had one digest, and a null text and an empty one were one. Rule 2 digests each
-- part with its length (null marked apart) and writes "v2:" before the digest. An amendment never
-- changes once tabled and the positions stored on it hold its digest, so the amendments already
-- tabled keep rule 1 (the column's first default, filled in without rewriting any row) and those
-- tabled from now on take rule 2: every stored digest still verifies by the rule of its amendment.
alter table negotiation_amendment add column wording_version smallint not null default 1
  constraint negotiation_amendment_wording_version_check check (wording_version in (1, 2));
alter table negotiation_amendment alter column wording_version set default 2;

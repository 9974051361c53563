-- The negotiation module lets go of the proposals' tables, which the proposals module takes under
-- its own name next (20261214-0310-proposals-own-their-tables). Its first migrations created them
-- (20261126-0300, 20261206-0120) before proposals became a module of their own, and guarded them
-- with negotiation's triggers; those triggers and the two functions that read the proposals'
-- tables by name go here, so that negotiation's SQL names no table of another module. The
-- proposals module puts back the same guards under its name in the same run (migrations apply in
-- one transaction, so no write meets the tables unguarded). negotiation_guard_process stays: the
-- negotiating documents use it.
drop trigger negotiation_proposal_concluded on negotiation_proposal;
drop trigger negotiation_proposal_version_concluded on negotiation_proposal_version;
drop trigger negotiation_proposal_proponent_concluded on negotiation_proposal_proponent;
drop trigger negotiation_proposal_source_concluded on negotiation_proposal_source;
drop trigger negotiation_cosponsorship_concluded on negotiation_cosponsorship;
drop trigger negotiation_proposal_proponent_consent on negotiation_proposal_proponent;
drop function negotiation_guard_proposal();
drop function negotiation_proponent_guard_consent();

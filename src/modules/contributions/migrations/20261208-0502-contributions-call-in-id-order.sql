-- A call's contributions read in id order, a page at a time (the campaign rebuild reads a million
-- this way): with an index on the call alone, each page sorted every contribution of the call.
create index contributions_contribution_call_id on contributions_contribution (call_id, id);
drop index contributions_contribution_call;

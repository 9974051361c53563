-- The next statement shown is the least voted one: counting each statement's votes at every page
-- view scanned all of them (minutes at Polis's largest size, 2 million votes, since no index led
-- by statement_id), so each statement carries its count, raised when a vote is first recorded
-- (a changed vote does not count again).
alter table deliberation_statement add column votes integer not null default 0;
update deliberation_statement s set votes = c.n
from (select statement_id, count(*)::int as n from deliberation_vote group by statement_id) c
where s.id = c.statement_id;
create index deliberation_statement_least_voted on deliberation_statement (deliberation_id, status, votes, id);

-- The answers of a search that match every one of its text queries (`keys`, each a condition of
-- its own that the text index answers), with what a search counts and pages by (issue 13). A
-- function so that its statement is planned without JIT compilation: PostgreSQL compiles a
-- statement whose estimated cost passes jit_above_cost (100,000), and a search over the whole
-- index (a word that campaigns use, narrowed to answers in no campaign, at 1,000,000) is
-- estimated at 111,000 for the 150 rows it reads: 15-18 ms of compiling, and the statement took
-- 71-112 ms instead of 18. `is_member` is what the caller knows of the rows' membership (the
-- campaign term it put among the keys). Each key is a literal of the statement (quoted), so the
-- plan is made for it, as before.
create function contributions_search_matches(keys text[], is_member boolean, call bigint, statuses text[])
  returns table (contribution_id bigint, question_id integer, stakeholder_group text, regional_group text,
    language text, member boolean)
  language plpgsql stable set jit = off as $$
begin
  return query execute format('select s.contribution_id, s.question_id, s.stakeholder_group, s.regional_group,
      s.language, $1 from contributions_search s where %s and s.call_id = $2 and s.status = any($3)',
    (select string_agg(format('s.document @@ %L::tsquery', k), ' and ') from unnest(keys) as k))
    using is_member, call, statuses;
end
$$;

-- The import's search pass parses each distinct text once per statement (issue 13). A campaign
-- sends the same text many times, and an import's pass indexes 5,000 contributions a statement:
-- in the generated consultation (the bench's data) a quarter of a statement's texts are copies of
-- another in the same statement (25.6 % at 5,000, 100,000 rows), and each copy was parsed again
-- by `to_tsvector` (the documents are about half the pass; the text index's merges the rest).
-- A text's words depend on nothing but the text and its language, so the pass now parses each
-- distinct (language, text) of the statement once and adds each contribution's own terms (its
-- facets, its campaign term) to them: the documents are exactly what contributions_search_document
-- gives (`search-index.test.ts` compares every one), which now reads its words from the same
-- function, so the two cannot part.

create function contributions_search_words(body text, language text) returns tsvector
  language sql immutable parallel safe as $$
  select to_tsvector(contributions_search_config(language), contributions_search_terms(body, language))
$$;

create or replace function contributions_search_document(body text, language text, call_id bigint, contribution_id bigint,
  question_id integer, stakeholder_group text, regional_group text) returns tsvector
  language sql immutable parallel safe as $$
  select contributions_search_words(body, language)
    || contributions_search_facets(call_id, contribution_id, question_id, language, stakeholder_group, regional_group)
$$;

create or replace function contributions_search_index_imported(ids bigint[], members bigint[]) returns void
  language sql as $$
  insert into contributions_search (contribution_id, question_id, revision_number, call_id, status,
    stakeholder_group, regional_group, language, document)
  with todo as materialized (
    select c.id, c.imported_question_id, c.call_id, c.status, c.stakeholder_group, c.regional_group, c.language,
      c.imported_text
    from contributions_contribution c
    where c.id = any(ids) and c.imported_text is not null
      and not exists (select 1 from contributions_search s where s.contribution_id = c.id)),
  -- each distinct text of the statement parsed once
  words as materialized (
    select language, imported_text, contributions_search_words(imported_text, language) as words
    from todo group by language, imported_text)
  select t.id, t.imported_question_id, 1, t.call_id, t.status, t.stakeholder_group, t.regional_group, t.language,
    w.words || contributions_search_facets(t.call_id, t.id, t.imported_question_id, t.language, t.stakeholder_group,
      t.regional_group) || contributions_search_membership_term(m.id is not null)
  from todo t
  join words w on w.language = t.language and w.imported_text = t.imported_text
  left join (select distinct unnest(members) as id) m on m.id = t.id
  order by t.id
  on conflict on constraint contributions_search_pkey do nothing;
$$;

-- a batch indexed as it is inserted (an import without searchLater) goes the same way, in no campaign
create or replace function contributions_search_index_imported(ids bigint[]) returns void language sql as $$
  select contributions_search_index_imported(ids, '{}'::bigint[]);
$$;

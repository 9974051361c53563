-- A UN document symbol names one document: two processes' reports may not be issued under the same
-- one (the command refuses it with the reason beside the field; this holds it against a race).
create unique index reports_issue_symbol_key on reports_issue (symbol);

-- The language a negotiating document or a proposal is written in, so pages mark its text with
-- lang and dir (English text in the Arabic interface reads left to right, and a screen reader
-- speaks it in English) and the Akoma Ntoso expression names its language. Rows written before
-- this were all in English.
alter table negotiation_document add column language text not null default 'en'
  constraint negotiation_document_language_check check (language in ('ar', 'zh', 'en', 'fr', 'ru', 'es'));
alter table negotiation_proposal add column language text not null default 'en'
  constraint negotiation_proposal_language_check check (language in ('ar', 'zh', 'en', 'fr', 'ru', 'es'));

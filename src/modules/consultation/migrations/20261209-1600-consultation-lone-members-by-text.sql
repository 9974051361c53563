-- An arriving contribution that copies, or nearly copies, a text no campaign holds yet makes a
-- campaign of that text's members: found by their text among the members in no campaign. Without
-- this index each such arrival read every member of every call (a million rows: a tenth of a second
-- of a core, against a budget of 5 ms). Partial: only members in no campaign are indexed, so a
-- rebuild writes a third of the entries, not all of them.
create index consultation_member_lone_text on consultation_member (text_id) where campaign_id is null;

-- An amendment may propose an alternative wording of a paragraph (Alt. 1 / Alt. 2): both stand
-- side by side in the text until the Chair declares one and records the other without consensus.
alter table negotiation_amendment drop constraint negotiation_amendment_operation_check;
alter table negotiation_amendment add constraint negotiation_amendment_operation_check
  check (operation in ('insert_paragraph', 'delete_paragraph', 'replace_text', 'insert_text', 'delete_text',
    'propose_alternative'));

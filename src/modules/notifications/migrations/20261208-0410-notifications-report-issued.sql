-- The notice of a report is of its issue by the Secretariat under a symbol (the reports module's
-- `report.issued`), the domain's word for what happens: the kind `report_adopted` becomes
-- `report_issued`, in the choices people made and in the notices they hold.
update notifications_kind_preference set kind = 'report_issued' where kind = 'report_adopted';
update notifications_notice set kind = 'report_issued' where kind = 'report_adopted';

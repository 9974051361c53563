-- Every table carries its module's prefix (core/db/migrations.test.ts): the deliberations' own
-- table was named bare.
alter table deliberation rename to deliberation_deliberation;
alter table deliberation_deliberation rename constraint deliberation_pkey to deliberation_deliberation_pkey;

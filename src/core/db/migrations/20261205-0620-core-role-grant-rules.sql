-- Two rules of role grants, in the database so no code path can bypass them
-- (src/modules/administration/rules/grants.ts says why):
-- - a Chair chairs a body: a chair grant names its body (an unscoped one used to chair every body);
-- - four eyes: nobody holds a role they granted themselves (an accreditation approved by the
--   requester, a role an administrator gave themselves).
-- Grants made before these rules are not checked here (NOT VALID): the administration module
-- revokes the active ones that break them when ecp starts, each with its audit entry, and lists
-- them for the administrator. Revoked grants satisfy both rules, so an export still imports.
alter table auth_role_grant add constraint auth_role_grant_chair_names_body
  check (role <> 'chair' or scope_type is not distinct from 'body' or revoked_at is not null) not valid;
alter table auth_role_grant add constraint auth_role_grant_four_eyes
  check (granted_by is distinct from account_id or revoked_at is not null) not valid;

-- API tokens get scopes and an expiry; accounts confirm their email address before first use.

-- Tokens made before scopes existed keep what they could do (their owner's roles still cap them)
-- for 90 days from this upgrade, then expire; new tokens choose their scopes.
alter table auth_api_token add column scopes text[] not null
  default '{read,contribute,negotiate,chair,secretariat}';
alter table auth_api_token alter column scopes set default '{read}';
alter table auth_api_token add column expires_at timestamptz;
update auth_api_token set expires_at = now() + interval '90 days' where expires_at is null;
alter table auth_api_token alter column expires_at set not null;
alter table auth_api_token add constraint auth_api_token_scopes_check
  check (scopes <@ array['read', 'contribute', 'negotiate', 'chair', 'secretariat']::text[]);

-- Accounts that exist already were made before confirmation was asked: they count as confirmed.
alter table auth_account add column email_confirmed_at timestamptz;
alter table auth_account add column email_confirmation_hash text;
alter table auth_account add column email_confirmation_expires_at timestamptz;
update auth_account set email_confirmed_at = created_at;
create unique index auth_account_email_confirmation_hash_key on auth_account (email_confirmation_hash)
  where email_confirmation_hash is not null;

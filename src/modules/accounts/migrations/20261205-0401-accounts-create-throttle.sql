-- Failed password attempts, per key ("sign-in:<email>:<address>", "sign-in-source:<address>",
-- "password-change:<account>"), with the time before which the next attempt is refused. Only
-- failures count; a success clears its key. Transient: left out of exports.
create table accounts_throttle (
  key text not null constraint accounts_throttle_pkey primary key,
  failures integer not null,
  last_failure_at timestamptz not null,
  blocked_until timestamptz not null
);
create index accounts_throttle_last_failure_at on accounts_throttle (last_failure_at);

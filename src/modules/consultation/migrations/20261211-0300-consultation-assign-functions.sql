-- An arriving contribution's assignment in one statement (an exact copy of a campaign's text, the
-- common case) or two (a new text: the probe, then its write once the application has compared
-- signatures and diffed the personal additions), each its own transaction, instead of five round
-- trips (begin, lock, probe, write, commit). Each function takes the call's lock, and the tables'
-- lock shared (a rebuild's swap takes it alone), before reading: in a volatile PL/pgSQL function
-- every statement after the lock sees what was committed while it waited. Their plans are kept
-- by the session (a statement sent as text was planned again on every arrival: a millisecond of
-- PostgreSQL's time, twice the probe's execution). The write is told what the probe saw (the
-- call's settings row version, which every assignment, rebuild and threshold change replaces) and
-- writes nothing when it changed meanwhile: the application then probes again.

-- a campaign's counters and speaker profile grown by one member; `added` is one more sender of
-- that personal addition (listed among the campaign's `top` while there is room)
create function consultation_campaign_grow(p_campaign bigint, p_new_text boolean, p_added text, p_top int,
  p_at timestamptz, p_group text, p_region text, p_ldc int, p_lldc int, p_sids int, p_platform int,
  p_new_account int) returns void language plpgsql as $$
begin
  update consultation_campaign set size = size + 1,
    top_additions = case
      when p_added = '' then top_additions
      when top_additions @> jsonb_build_array(jsonb_build_object('text', p_added)) then (
        select jsonb_agg(case when e ->> 'text' = p_added
          then jsonb_build_object('text', e -> 'text', 'count', (e ->> 'count')::int + 1) else e end order by n)
        from jsonb_array_elements(top_additions) with ordinality as x(e, n))
      when jsonb_array_length(top_additions) < p_top
        then top_additions || jsonb_build_array(jsonb_build_object('text', p_added, 'count', 1))
      else top_additions end,
    exact_groups = exact_groups + case when p_new_text then 1 else 0 end,
    first_at = least(first_at, p_at), last_at = greatest(last_at, p_at),
    profile = profile || jsonb_build_object(
      'groups', coalesce(profile -> 'groups', '{}') || jsonb_build_object(p_group,
        coalesce((profile -> 'groups' ->> p_group)::int, 0) + 1),
      'regions', coalesce(profile -> 'regions', '{}') || jsonb_build_object(p_region,
        coalesce((profile -> 'regions' ->> p_region)::int, 0) + 1),
      'ldc', coalesce((profile ->> 'ldc')::int, 0) + p_ldc,
      'lldc', coalesce((profile ->> 'lldc')::int, 0) + p_lldc,
      'sids', coalesce((profile ->> 'sids')::int, 0) + p_sids,
      'platform', coalesce((profile ->> 'platform')::int, 0) + p_platform,
      'newAccounts', coalesce((profile ->> 'newAccounts')::int, 0) + p_new_account)
  where id = p_campaign;
end $$;

-- the member row, and the call's counts of contributions read and of those in no campaign
create function consultation_member_add(p_call bigint, p_contribution bigint, p_text bigint, p_campaign bigint,
  p_at timestamptz) returns void language plpgsql as $$
begin
  insert into consultation_member (contribution_id, call_id, text_id, campaign_id, submitted_at)
    values (p_contribution, p_call, p_text, p_campaign, p_at);
  insert into consultation_setting (call_id, analysed, lone)
    values (p_call, 1, case when p_campaign is null then 1 else 0 end)
    on conflict (call_id) do update set analysed = consultation_setting.analysed + 1,
      lone = consultation_setting.lone + excluded.lone;
end $$;

-- the probe: already assigned? the same text? (an exact copy of a text in a campaign joins it here)
-- else the band candidates with their signatures and campaigns, and the templates of those campaigns
create function consultation_assign_probe(p_call bigint, p_contribution bigint, p_hash text, p_buckets bigint[],
  p_top int, p_at timestamptz, p_group text, p_region text, p_ldc int, p_lldc int, p_sids int, p_platform int,
  p_new_account int) returns json language plpgsql as $$
declare
  v_same bigint;
  v_campaign bigint;
  v_additions text;
begin
  perform pg_advisory_xact_lock(hashtext('consultation:' || p_call)),
    pg_advisory_xact_lock_shared(hashtext('consultation:tables')),
    -- a few index entries: a parallel plan (stale statistics after a bulk load) would cost more
    set_config('max_parallel_workers_per_gather', '0', true);
  if exists (select 1 from consultation_member where contribution_id = p_contribution) then
    return json_build_object('assigned', true);
  end if;
  select id, campaign_id, additions into v_same, v_campaign, v_additions
    from consultation_text where call_id = p_call and hash = p_hash;
  if v_campaign is not null then
    update consultation_text set members = members + 1 where id = v_same;
    perform consultation_campaign_grow(v_campaign, false, v_additions, p_top, p_at, p_group, p_region,
      p_ldc, p_lldc, p_sids, p_platform, p_new_account);
    perform consultation_member_add(p_call, p_contribution, v_same, v_campaign, p_at);
    -- search finds it under "in a campaign" from now on (the contributions module's own function)
    perform contributions_search_campaign(array[p_contribution], true);
    return json_build_object('assigned', false, 'joined', true, 'sameId', v_same, 'sameCampaignId', v_campaign);
  end if;
  return json_build_object('assigned', false, 'joined', false,
    'version', (select xmin::text from consultation_setting where call_id = p_call),
    'threshold', (select threshold from consultation_setting where call_id = p_call),
    'sameId', v_same,
    'candidates', (select json_agg(json_build_object('id', t.id, 'signature', encode(t.signature, 'hex'),
        'campaignId', t.campaign_id, 'members', t.members))
      from consultation_bucket b join consultation_text t on t.id = b.text_id
      where b.call_id = p_call and b.bucket = any(p_buckets)),
    'templates', (select json_object_agg(k.id, k.template) from consultation_campaign k
      where k.id in (select t.campaign_id from consultation_bucket b join consultation_text t on t.id = b.text_id
        where b.call_id = p_call and b.bucket = any(p_buckets))));
end $$;

-- a new text's write: its row, its buckets, its member, its campaign grown; null (nothing written)
-- when the call's settings row is no longer the version the probe saw (an assignment, a rebuild
-- or a new threshold came in between: the candidates or their campaigns may have changed)
create function consultation_assign_text(p_version text, p_call bigint, p_contribution bigint, p_hash text,
  p_signature bytea, p_buckets bigint[], p_campaign bigint, p_additions text, p_top int, p_at timestamptz,
  p_group text, p_region text, p_ldc int, p_lldc int, p_sids int, p_platform int, p_new_account int)
  returns bigint language plpgsql as $$
declare
  v_text bigint;
begin
  perform pg_advisory_xact_lock(hashtext('consultation:' || p_call)),
    pg_advisory_xact_lock_shared(hashtext('consultation:tables'));
  -- '*': the caller holds the call's lock since its probe (in one transaction), nothing to check
  if p_version is distinct from '*'
    and (select xmin::text from consultation_setting where call_id = p_call) is distinct from p_version then
    return null;
  end if;
  insert into consultation_text (call_id, hash, signature, campaign_id, members, additions)
    values (p_call, p_hash, p_signature, p_campaign, 1, p_additions) returning id into v_text;
  insert into consultation_bucket (call_id, bucket, text_id)
    select p_call, x, v_text from unnest(p_buckets) x on conflict do nothing;
  if p_campaign is not null then
    perform consultation_campaign_grow(p_campaign, true, p_additions, p_top, p_at, p_group, p_region,
      p_ldc, p_lldc, p_sids, p_platform, p_new_account);
  end if;
  perform consultation_member_add(p_call, p_contribution, v_text, p_campaign, p_at);
  if p_campaign is not null then
    perform contributions_search_campaign(array[p_contribution], true);
  end if;
  return v_text;
end $$;

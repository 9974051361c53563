-- The search index's campaign term (contributions migration 20261211-0200) for the contributions
-- in a campaign today; from now on the consultation keeps it as membership changes (an arrival,
-- a rebuild's difference).
select contributions_search_campaign(array(select contribution_id from consultation_member
  where campaign_id is not null), true);

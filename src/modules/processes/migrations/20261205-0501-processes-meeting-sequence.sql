-- A meeting's revision number for calendars (iCalendar SEQUENCE, RFC 5545 3.8.7.4): it goes up
-- whenever something a calendar shows of the meeting changes (title, times, place, remote link,
-- interpretation, captioning), by whatever command changes it. Recording the outcome or the
-- transcript does not change the event, so it does not count.
alter table processes_meeting add column sequence integer not null default 0;

create function processes_meeting_sequence() returns trigger language plpgsql as $$
begin
  if (new.title, new.starts_at, new.ends_at, new.time_zone, new.venue, new.remote_url,
      new.interpretation_languages, new.live_captioning)
     is distinct from
     (old.title, old.starts_at, old.ends_at, old.time_zone, old.venue, old.remote_url,
      old.interpretation_languages, old.live_captioning) then
    new.sequence := old.sequence + 1;
  end if;
  return new;
end $$;

create trigger processes_meeting_sequence before update on processes_meeting
  for each row execute function processes_meeting_sequence();

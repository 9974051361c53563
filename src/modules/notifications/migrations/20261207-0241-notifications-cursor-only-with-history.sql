-- A fresh database has no history, so its audit cursor needs no row: the job makes it when it
-- first runs. The row 20261207-0240 wrote at 0 made every fresh database non-empty, and
-- `ecp import` (which only fills an empty database) refused it. An installation that already had
-- a history keeps its row, so it still starts from then.
delete from notifications_cursor where name = 'audit' and seq = 0;

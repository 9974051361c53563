-- A fresh database has read nothing, so its watermark needs no row: the assignment job makes it
-- the first time it moves. The row 20261207-0300 wrote at 0 made every fresh database non-empty,
-- and `ecp import` (which only fills an empty database) refused it.
delete from consultation_watermark where contribution_id = 0;

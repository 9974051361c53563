-- A recurring job keeps one row, scheduled again after each run (src/core/jobs/queue.ts), instead
-- of a completed row a run: the job that merges the text indexes' pending lists runs every 15 s
-- and left 40,000 rows a week, and the campaign assignment as many. What an operator read from
-- those rows, when the job last ran, the row now says itself; a failed run keeps its own row.
alter table core_job add column last_run_at timestamptz;

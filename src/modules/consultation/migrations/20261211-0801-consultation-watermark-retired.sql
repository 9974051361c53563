-- The assignment of contributions published on the platform reads the contributions module's
-- arrival queue (20261211-0800) instead of ids above a watermark, which skipped some for good.
drop table consultation_watermark;

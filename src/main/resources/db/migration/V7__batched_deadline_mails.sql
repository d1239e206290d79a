-- Deadline mails (reminder, overdue, escalation) are queued in the outbox by the step that decides
-- them, in the same transaction, and sent in batches: one mail per batch key (the kind, the level
-- and the agencies it goes to), listing every task of the batch. The row stays the unit of
-- "at most once": each key is claimed, sent in exactly one mail and marked SENT.
alter table siaga_mail_outbox add column batch_key varchar(400);
create index ix_mail_outbox_batch on siaga_mail_outbox (status, batch_key, created_at);

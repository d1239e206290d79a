-- A sender reads and updates the rows it claimed by its claim owner: with an index it touches only
-- those rows, and never waits on the rows another sender is claiming at the same moment.
create index ix_mail_outbox_claimed_by on siaga_mail_outbox (claimed_by);

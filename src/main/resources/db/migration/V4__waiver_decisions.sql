-- How many times the convening agency decided on a waiver request of an action item: the level of
-- the decision mail in the outbox, so that each decision is mailed once.
alter table siaga_meeting_action_item add column waiver_decisions integer default 0 not null;

-- An outbox row that keeps failing shows in Cockpit as an incident (issue 16, part 3;
-- docs/operations.md "SMTP outage"). execution_id is the execution the mail is about, recorded when
-- the row is created: the task's execution for a queued deadline mail, the job's execution for a
-- mail sent from a job (null outside an execution, and for rows written before this version).
-- incident_id is the incident raised on it by notification.MailIncidents while the mail is not sent
-- ('-' when the execution had already ended, so that no incident can be raised); it is cleared once
-- the mail is sent or skipped and the incident resolved.
alter table siaga_mail_outbox add column execution_id varchar(64);
alter table siaga_mail_outbox add column incident_id varchar(64);
-- Resolving reads the few rows with an incident among a year of sent ones.
create index ix_mail_outbox_incident on siaga_mail_outbox (incident_id);

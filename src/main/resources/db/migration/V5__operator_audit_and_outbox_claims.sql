-- Every use of an operator's tool (start part-way, modification, restart, variables written
-- outside a form, job retries, suspension…): who, what, when, through which request, and the
-- outcome; refused attempts by users who may not use them are recorded as DITOLAK.
create table siaga_operator_audit (
    id           varchar(36)    not null primary key,
    at           timestamp      not null,
    user_id      varchar(64)    not null,
    groups_list  varchar(1000),
    action       varchar(2000)  not null,
    request      varchar(500),               -- HTTP method and path, when it came over HTTP
    outcome      varchar(1000)  not null     -- DILAKUKAN, DITOLAK or GAGAL: <reason>
);
create index ix_operator_audit_at on siaga_operator_audit (at);

-- The outbox claims a row before sending: one owner at a time, until its lease ends, so that two
-- nodes (or a retried job whose first attempt still hangs) never send the same key twice.
alter table siaga_mail_outbox add column claimed_by varchar(100);
alter table siaga_mail_outbox add column claimed_until timestamp;
alter table siaga_mail_outbox drop constraint ck_mail_outbox_status;
alter table siaga_mail_outbox add constraint ck_mail_outbox_status check (status in ('PENDING', 'SENDING', 'SENT', 'SKIPPED'));
create index ix_mail_outbox_sent_at on siaga_mail_outbox (sent_at);

-- Steps of a Rakor find their meeting by the process instance they run in, not by a variable.
create index ix_meeting_instance on siaga_meeting (process_instance_id);

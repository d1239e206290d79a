-- Every e-mail the product sends, keyed by what it is about, its kind and its level, so that a
-- re-executed job never sends the same mail twice.
create table siaga_mail_outbox (
    id           varchar(36)   not null primary key,
    subject_key  varchar(64)   not null,   -- the task id, the meeting id or the agency group id (digest)
    kind         varchar(16)   not null,   -- REMINDER, OVERDUE, ESCALATION, INVITATION, DIGEST, ...
    level_key    varchar(32)   not null,   -- escalation level, digest date, or '0'
    status       varchar(8)    not null,   -- PENDING, SENT, SKIPPED
    message_id   varchar(200)  not null,
    recipients   varchar(4000),
    subject      varchar(400),
    attempts     integer       not null default 0,
    last_error   varchar(1000),
    created_at   timestamp     not null,
    sent_at      timestamp,
    constraint uq_mail_outbox unique (subject_key, kind, level_key),
    constraint ck_mail_outbox_status check (status in ('PENDING', 'SENT', 'SKIPPED'))
);
create index ix_mail_outbox_status on siaga_mail_outbox (status);

-- Each escalation step of a user task: level 1 = the province counterpart, 2 = the national desk.
create table siaga_task_escalation (
    task_id              varchar(64)  not null,
    level                integer      not null,
    group_id             varchar(64)  not null,   -- the agency added as candidate group
    origin_group_id      varchar(64)  not null,   -- the agency the task was for
    process_instance_id  varchar(64)  not null,
    task_name            varchar(255),
    escalated_at         timestamp    not null,
    constraint pk_task_escalation primary key (task_id, level, group_id)
);
create index ix_task_escalation_instance on siaga_task_escalation (process_instance_id);

-- Coordination meetings (Rakor): the record the readiness board queries. One row per meeting,
-- one per readiness report of an invited agency, one per action item agreed in the meeting.
create table siaga_meeting (
    meeting_id           varchar(64)    not null primary key,   -- also the process business key
    process_instance_id  varchar(64)    not null,
    election_id          varchar(64)    not null,
    region_code          varchar(13)    not null,
    stage_code           varchar(64)    not null,
    title                varchar(200)   not null,
    venue                varchar(200)   not null,
    agenda               varchar(4000)  not null,
    meeting_at           timestamp      not null,               -- the instant (UTC)
    meeting_local        varchar(16)    not null,               -- as entered, local to the region
    convening_group      varchar(64)    not null,
    invited_groups       varchar(1000)  not null,               -- comma-separated group ids
    convened_by          varchar(64),
    sequence_no          integer        not null default 0,     -- grows with every postponement
    status               varchar(16)    not null,
    attendance           varchar(1000),
    minutes              varchar(20000),
    status_reason        varchar(1000),                          -- why postponed or cancelled
    held_at              timestamp,
    closed_at            timestamp,
    created_at           timestamp      not null,
    constraint ck_meeting_status check (status in ('DIJADWALKAN', 'DILAKSANAKAN', 'DIBATALKAN', 'SELESAI'))
);
create index ix_meeting_region on siaga_meeting (region_code, stage_code);

create table siaga_meeting_report (
    meeting_id          varchar(64)    not null,
    agency_group        varchar(64)    not null,
    personnel           integer        not null,
    vulnerabilities     varchar(400)   not null,                -- comma-separated threat codes
    other_threat        varchar(500),
    needs               varchar(4000)  not null,
    readiness           varchar(24)    not null,
    notes               varchar(4000),
    submitted_by        varchar(64),
    submitted_at        timestamp      not null,
    due_at              timestamp,
    late                boolean        not null,
    constraint pk_meeting_report primary key (meeting_id, agency_group),
    constraint fk_meeting_report foreign key (meeting_id) references siaga_meeting (meeting_id)
);

create table siaga_meeting_action_item (
    item_id             varchar(80)    not null primary key,    -- <meeting id>-T<n>
    meeting_id          varchar(64)    not null,
    item_no             integer        not null,
    description         varchar(1000)  not null,
    owner_group         varchar(64)    not null,
    due_local           varchar(16)    not null,                -- local date as agreed
    due_at              timestamp      not null,                -- end of that day, local, as an instant
    status              varchar(24)    not null,
    outcome             varchar(4000),
    evidence            varchar(1000),
    waiver_reason       varchar(1000),
    refusal_reason      varchar(1000),
    completed_by        varchar(64),
    completed_at        timestamp,
    late                boolean        not null default false,
    constraint fk_meeting_action_item foreign key (meeting_id) references siaga_meeting (meeting_id),
    constraint ck_action_item_status check (status in ('TERBUKA', 'MINTA_PEMBEBASAN', 'SELESAI', 'DIBEBASKAN'))
);
create index ix_action_item_meeting on siaga_meeting_action_item (meeting_id);

-- Early-warning reports (laporan kerawanan): the report as filed, who filed it (seen by triage only),
-- where it stands, and each routing decision (docs/processes/early-warning-report.md).
create table siaga_report (
    report_id            varchar(32)    not null primary key,   -- LK-7373-2026-0042, also the business key
    process_instance_id  varchar(64)    not null,
    region_code          varchar(13)    not null,
    district_code        varchar(13)    not null,
    category             varchar(40)    not null,
    severity             varchar(10)    not null,
    observed_at          timestamp      not null,               -- the instant (UTC)
    observed_local       varchar(16)    not null,               -- as entered, local to the region
    description          varchar(4000)  not null,
    reporter_contact     varchar(200),                          -- triage only
    on_behalf_of         varchar(20),                           -- field staff the officer files for
    filed_by             varchar(100)   not null,               -- triage only
    filed_by_group       varchar(64)    not null,               -- triage only
    filed_at             timestamp      not null,
    status               varchar(20)    not null,
    route                varchar(30),
    handling_group       varchar(64),
    merged_into          varchar(32),
    rejection_reason     varchar(1000),
    acknowledged_by      varchar(100),
    acknowledged_at      timestamp,
    acknowledgement      varchar(1000),
    outcome              varchar(30),
    outcome_notes        varchar(2000),
    sanction             varchar(1000),
    resolved_by          varchar(100),
    resolved_at          timestamp,
    constraint ck_report_status check (status in ('DITERIMA', 'DITERUSKAN', 'DIGABUNG', 'DITOLAK', 'SELESAI'))
);
create index ix_report_region on siaga_report (region_code, status);

create table siaga_report_routing (
    report_id            varchar(32)    not null,
    seq                  integer        not null,
    category             varchar(40)    not null,
    route                varchar(30)    not null,
    handling_group       varchar(64)    not null,
    decided_by           varchar(100),
    decided_at           timestamp      not null,
    returned_by          varchar(100),
    returned_at          timestamp,
    returned_reason      varchar(1000),
    primary key (report_id, seq)
);

create table siaga_report_counter (
    prefix               varchar(20)    not null primary key,   -- LK-7373-2026
    last_number          integer        not null
);

-- The security feature (issue 11; docs/processes/patrol-assignment.md, tps-security-plan.md):
-- stage patrols of a region with their plan per kecamatan, situation reports per period, the BKO
-- requests to Polda, and the voting-day TPS guard plan per kecamatan.

-- One stage's patrols of one regency/city (one process instance of patrol-assignment).
create table siaga_patrol_stage (
    stage_plan_id         varchar(40)   not null primary key,   -- patroli-<20 hex>
    process_instance_id   varchar(64)   not null,
    election_id           varchar(64)   not null,
    region_code           varchar(8)    not null,
    stage_code            varchar(40)   not null,
    window_start          timestamp     not null,
    window_end            timestamp     not null,
    report_interval_hours integer       not null,
    report_count          integer       not null,               -- periods due from the start on
    personnel_available   integer,                              -- declared by Polres at the review
    personnel_needed      integer,
    review_notes          varchar(2000),
    reviewed_by           varchar(64),
    reviewed_at           timestamp,
    status                varchar(8)    not null,               -- OPEN, CLOSED
    started_by            varchar(64)   not null,
    started_at            timestamp     not null,
    closed_at             timestamp,
    constraint uq_patrol_stage unique (election_id, region_code, stage_code),
    constraint uq_patrol_stage_instance unique (process_instance_id),
    constraint ck_patrol_stage check (status in ('OPEN', 'CLOSED') and report_interval_hours > 0
        and report_count > 0 and window_end > window_start
        and (personnel_available is null or personnel_available >= 0))
);
create index ix_patrol_stage_region on siaga_patrol_stage (region_code);

-- The plan and assignments of one kecamatan in one stage.
create table siaga_patrol_district (
    stage_plan_id         varchar(40)   not null references siaga_patrol_stage (stage_plan_id) on delete cascade,
    district_code         varchar(16)   not null,
    vulnerability         varchar(8),                           -- the band the table was asked with
    remote                boolean       not null,
    table_version         varchar(40)   not null,               -- which patrol-plan.dmn answered ("patrol-plan v1")
    table_patrols_per_day integer       not null,
    table_joint_with_tni  boolean       not null,
    table_personnel       integer       not null,
    patrols_per_day       integer       not null,               -- the plan as Polres confirmed it
    joint_with_tni        boolean       not null,
    personnel_per_patrol  integer       not null,
    override_reason       varchar(500),                         -- set when Polres changed the table's row
    team_leader           varchar(120),
    team_personnel        integer,
    team_reason           varchar(500),
    team_at               timestamp,
    tni_element           varchar(120),
    tni_personnel         integer,
    tni_at                timestamp,
    linmas_personnel      integer,
    satpol_pp_personnel   integer,
    support_notes         varchar(1000),
    support_at            timestamp,
    primary key (stage_plan_id, district_code),
    constraint ck_patrol_district check (patrols_per_day > 0 and personnel_per_patrol > 0
        and (team_personnel is null or team_personnel > 0) and (tni_personnel is null or tni_personnel > 0)
        and (linmas_personnel is null or linmas_personnel >= 0)
        and (satpol_pp_personnel is null or satpol_pp_personnel >= 0))
);

-- One situation report period: opened at its start, due at its end.
create table siaga_patrol_report (
    stage_plan_id         varchar(40)   not null references siaga_patrol_stage (stage_plan_id) on delete cascade,
    report_number         integer       not null,               -- 0-based period number in the window
    period_start          timestamp     not null,
    due_at                timestamp     not null,
    status                varchar(8)    not null,               -- OPEN, FILED, MISSED
    filed_by              varchar(64),
    filed_at              timestamp,
    incidents             integer,                              -- incidents of the period in the region
    incident_notes        varchar(2000),
    notes                 varchar(2000),
    primary key (stage_plan_id, report_number),
    constraint ck_patrol_report check (status in ('OPEN', 'FILED', 'MISSED') and (incidents is null or incidents >= 0))
);

-- The situation of one kecamatan in one filed report.
create table siaga_patrol_situation (
    stage_plan_id         varchar(40)   not null,
    report_number         integer       not null,
    district_code         varchar(16)   not null,
    situation             varchar(8)    not null,               -- AMAN, WASPADA, RAWAN
    had_incident          boolean       not null,               -- an incident of the period happened here
    primary key (stage_plan_id, report_number, district_code),
    foreign key (stage_plan_id, report_number) references siaga_patrol_report (stage_plan_id, report_number)
        on delete cascade,
    constraint ck_patrol_situation check (situation in ('AMAN', 'WASPADA', 'RAWAN'))
);

-- A request of Polres for reinforcement (BKO) from its Polda, by a stage plan or a guard plan.
create table siaga_reinforcement (
    reinforcement_id      varchar(40)   not null primary key,   -- bko-<20 hex>
    process_instance_id   varchar(64),                          -- of reinforcement-request, once called
    election_id           varchar(64)   not null,
    region_code           varchar(8)    not null,
    purpose               varchar(16)   not null,               -- PATROL, TPS_GUARD
    source_id             varchar(40)   not null,               -- the stage plan or guard plan
    requested             integer       not null,
    needed                integer       not null,
    available             integer       not null,
    decision              varchar(8),                           -- PENUH, SEBAGIAN, DITOLAK
    granted               integer,
    reason                varchar(500),
    decided_by            varchar(64),
    requested_at          timestamp     not null,
    decided_at            timestamp,
    constraint uq_reinforcement_source unique (source_id),
    constraint ck_reinforcement check (requested > 0 and purpose in ('PATROL', 'TPS_GUARD')
        and (granted is null or (granted >= 0 and granted <= requested))
        and (decision is null or decision in ('PENUH', 'SEBAGIAN', 'DITOLAK')))
);

-- The voting-day TPS guard plan of one regency/city (one process instance of tps-security-plan).
create table siaga_guard_plan (
    guard_plan_id         varchar(40)   not null primary key,   -- pengamanan-<20 hex>
    process_instance_id   varchar(64)   not null,
    election_id           varchar(64)   not null,
    region_code           varchar(8)    not null,
    patterns              varchar(40)   not null,               -- "2-8-16 / 2-2-4 / 2-1-2" as the table gave them
    police_needed         integer       not null,
    linmas_needed         integer       not null,
    police_available      integer,
    police_reason         varchar(500),
    approval_notes        varchar(2000),
    approved_by           varchar(64),
    approved_at           timestamp,
    linmas_available      integer,
    linmas_reason         varchar(500),
    linmas_by             varchar(64),
    linmas_at             timestamp,
    tni_standby           integer,
    tni_notes             varchar(1000),
    tni_by                varchar(64),
    tni_at                timestamp,
    status                varchar(8)    not null,               -- OPEN, READY
    started_by            varchar(64)   not null,
    started_at            timestamp     not null,
    closed_at             timestamp,
    constraint uq_guard_plan unique (election_id, region_code),
    constraint uq_guard_plan_instance unique (process_instance_id),
    constraint ck_guard_plan check (status in ('OPEN', 'READY') and police_needed >= 0 and linmas_needed >= 0
        and (police_available is null or police_available >= 0)
        and (linmas_available is null or linmas_available >= 0) and (tni_standby is null or tni_standby > 0))
);
create index ix_guard_plan_region on siaga_guard_plan (region_code);

create table siaga_guard_district (
    guard_plan_id         varchar(40)   not null references siaga_guard_plan (guard_plan_id) on delete cascade,
    district_code         varchar(16)   not null,
    tps_low_risk          integer       not null,
    tps_vulnerable        integer       not null,
    tps_highly_vulnerable integer       not null,
    police                integer       not null,
    linmas                integer       not null,
    primary key (guard_plan_id, district_code)
);

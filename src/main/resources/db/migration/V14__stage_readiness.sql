-- Stage readiness (issue 12; docs/processes/stage-readiness.md): one record per election, race
-- region and stage, with the workstreams it started and the coordinator's declaration.
create table siaga_stage_readiness (
    readiness_id          varchar(120)  not null primary key,  -- <electionId>:<regionCode>:<stageCode>
    process_instance_id   varchar(64)   not null,
    election_id           varchar(64)   not null,
    region_code           varchar(8)    not null,
    stage_code            varchar(40)   not null,
    race_level            varchar(8)    not null,              -- REGENCY, PROVINCE
    stage_starts_at       timestamp     not null,
    workstreams           varchar(200)  not null,              -- started by this instance, comma-separated
    declaration           varchar(24),                         -- SIAP, SIAP_DENGAN_CATATAN, BELUM_SIAP
    declaration_notes     varchar(2000),
    summary               varchar(4000),                       -- what the coordinator saw when declaring
    declared_by           varchar(64),
    declared_at           timestamp,
    started_at            timestamp     not null,
    constraint uq_stage_readiness_instance unique (process_instance_id),
    constraint ck_stage_readiness check (race_level in ('REGENCY', 'PROVINCE')
        and (declaration is null or declaration in ('SIAP', 'SIAP_DENGAN_CATATAN', 'BELUM_SIAP')))
);
create index ix_stage_readiness_region on siaga_stage_readiness (region_code);

-- One race region walking the calendar of one election (one process instance of regional-readiness).
create table siaga_regional_readiness (
    readiness_id          varchar(80)   not null primary key,  -- <electionId>:<regionCode>
    process_instance_id   varchar(64)   not null,
    election_id           varchar(64)   not null,
    region_code           varchar(8)    not null,
    stages                varchar(400)  not null,              -- the stages it will run, in calendar order
    started_by            varchar(64)   not null,
    started_at            timestamp     not null,
    constraint uq_regional_readiness unique (election_id, region_code),
    constraint uq_regional_readiness_instance unique (process_instance_id)
);

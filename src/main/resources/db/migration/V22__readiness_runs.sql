-- Runs of the national (or one province's) readiness start (issue 16, part 2; docs/processes/regional-readiness.md
-- "The whole nation in one action"): one row per run, so that any node of a cluster answers its progress
-- and takes it over when the node walking it dies. The walking node holds the run until claimed_until and
-- renews the lease as it goes; a resumer on every node claims a RUNNING run whose lease ran out.
create table siaga_readiness_run (
    id              varchar(64)   not null primary key,  -- kesiapan-nasional-...
    election_id     varchar(64)   not null,
    province_code   varchar(8),                          -- null: the nation
    scope           varchar(16)   not null,              -- 'nasional' or the province code
    total           integer       not null,              -- race regions in the scope
    started         integer       not null,              -- walks this run started
    skipped         integer       not null,              -- regions already walking
    failed          integer       not null,              -- regions whose start failed
    status          varchar(16)   not null,              -- RUNNING, DONE, STOPPED
    stop_requested  boolean       not null,              -- NationalStart.stop, from any node
    started_by      varchar(64)   not null,
    started_at      timestamp     not null,
    finished_at     timestamp,
    claimed_by      varchar(100),                        -- the node walking it (or that finished it)
    claimed_until   timestamp,                           -- its lease; another node may take over after it
    updated_at      timestamp     not null,
    constraint ck_readiness_run_status check (status in ('RUNNING', 'DONE', 'STOPPED'))
);
create index ix_readiness_run_lease on siaga_readiness_run (status, claimed_until);

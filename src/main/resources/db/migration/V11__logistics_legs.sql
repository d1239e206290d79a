-- The logistics-distribution process (issue 10): one leg per region, election and direction,
-- what each kecamatan was planned, dispatched, received and delivered, the warehouse's sorting,
-- replacements and destruction, supervision findings, and the per-TPS reconciliation of the return.
-- docs/processes/logistics-distribution.md
create table siaga_logistics_leg (
    leg_id               varchar(40)   not null primary key,   -- random, e.g. logistik-3f9c…
    process_instance_id  varchar(64)   not null,
    election_id          varchar(64)   not null,
    region_code          varchar(8)    not null,
    direction            varchar(8)    not null,               -- OUTBOUND (to the TPS), RETURN
    status               varchar(8)    not null,               -- OPEN, CLOSED
    started_by           varchar(64),
    started_at           timestamp     not null,
    closed_at            timestamp,
    destruction_report   varchar(100),                          -- berita acara number
    destroyed_at         timestamp,
    constraint uq_logistics_leg unique (election_id, region_code, direction),
    constraint uq_logistics_leg_instance unique (process_instance_id),
    constraint ck_logistics_leg check (direction in ('OUTBOUND', 'RETURN') and status in ('OPEN', 'CLOSED'))
);

-- One row per kecamatan of a leg: its figures when the leg started, its deadline and progress.
create table siaga_logistics_district (
    leg_id            varchar(40)   not null,
    district_code     varchar(16)   not null,
    tps_count         integer       not null,
    voters            integer       not null,
    remote            boolean       not null,
    transport         varchar(8)    not null,
    support           varchar(8)    not null,    -- NONE, TNI, PEMDA: transport asked of them
    arrive_by         timestamp,                 -- from logistics-deadline.dmn
    dispatched_at     timestamp,
    received_at       timestamp,                 -- PPK receipt (outbound) / boxes at the warehouse (return)
    delivered_at      timestamp,                 -- PPS/TPS delivery (outbound) / TPS returns counted (return)
    tps_served        integer,
    escort_leader     varchar(120),
    escort_personnel  integer,
    escort_vehicle    varchar(120),
    transport_note    varchar(500),
    constraint pk_logistics_district primary key (leg_id, district_code),
    constraint ck_logistics_district check (support in ('NONE', 'TNI', 'PEMDA'))
);

-- Quantities per place and item: place = a kecamatan code, or the region code for its warehouse.
create table siaga_logistics_quantity (
    leg_id             varchar(40)   not null,
    place_code         varchar(16)   not null,
    item               varchar(20)   not null,
    computed           integer       not null,   -- what the rule gives (voters + 2.5 % per TPS, norms)
    planned            integer       not null,   -- what KPU confirmed
    override_reason    varchar(500),
    dispatched         integer,
    received           integer,                  -- received in good order (both receipts)
    damaged            integer,                  -- damaged on receipt / at sorting (warehouse)
    replaced           integer       not null default 0,   -- replacements sent for shortfall or damage
    destroyed          integer,                  -- warehouse: damaged ballots destroyed
    surplus_destroyed  integer,                  -- warehouse: surplus ballots destroyed
    constraint pk_logistics_quantity primary key (leg_id, place_code, item)
);

create table siaga_logistics_finding (
    finding_id     varchar(40)    not null primary key,
    leg_id         varchar(40)    not null,
    district_code  varchar(16)    not null,
    kind           varchar(16)    not null,      -- SUPERVISION, RECONCILIATION
    category       varchar(40)    not null,
    description    varchar(2000)  not null,
    found_by       varchar(64),
    found_at       timestamp      not null,
    status         varchar(12)    not null,      -- OPEN, CORRECTED (by KPU), REVIEWED (by Bawaslu)
    response       varchar(2000),
    responded_by   varchar(64),
    responded_at   timestamp,
    constraint ck_logistics_finding check (kind in ('SUPERVISION', 'RECONCILIATION')
        and status in ('OPEN', 'CORRECTED', 'REVIEWED'))
);
create index ix_logistics_finding_leg on siaga_logistics_finding (leg_id, district_code);

-- Return leg: what each TPS received, used, left unused and spoiled, per ballot type.
create table siaga_logistics_tps_return (
    leg_id         varchar(40)   not null,
    district_code  varchar(16)   not null,
    tps_number     integer       not null,
    item           varchar(20)   not null,
    received       integer       not null,
    used           integer       not null,
    unused         integer       not null,
    damaged        integer       not null,
    constraint pk_logistics_tps_return primary key (leg_id, district_code, tps_number, item)
);

create table siaga_logistics_witness (
    leg_id        varchar(40)    not null,
    agency_group  varchar(64)    not null,
    witness_name  varchar(120)   not null,
    notes         varchar(2000),
    confirmed_by  varchar(64),
    confirmed_at  timestamp      not null,
    constraint pk_logistics_witness primary key (leg_id, agency_group)
);

-- Which kecamatan each user task of a leg serves: late and escalated per kecamatan.
create table siaga_logistics_task (
    task_id        varchar(64)   not null primary key,
    leg_id         varchar(40)   not null,
    district_code  varchar(16)   not null
);
create index ix_logistics_task_leg on siaga_logistics_task (leg_id);

-- Siaga Pilkada's own tables. Camunda keeps its ACT_* tables; ours carry the SIAGA_ prefix.
-- Plain SQL that runs unchanged on H2 and PostgreSQL.

create table siaga_region (
    code           varchar(16)  not null primary key,   -- Kemendagri code: 73, 73.73, 73.73.01
    name           varchar(200) not null,
    level          varchar(16)  not null,               -- PROVINCE, REGENCY, DISTRICT
    parent_code    varchar(16),
    province_code  varchar(2)   not null,
    zone           varchar(4)   not null,               -- WIB, WITA, WIT
    has_race       boolean      not null default false, -- holds its own Pilkada race
    vulnerability  varchar(8)   not null default 'sedang',
    remote         boolean      not null default false, -- kecamatan in a 3T area
    tps_count      integer      not null default 0,
    constraint fk_region_parent foreign key (parent_code) references siaga_region (code),
    constraint ck_region_level check (level in ('PROVINCE', 'REGENCY', 'DISTRICT')),
    constraint ck_region_zone check (zone in ('WIB', 'WITA', 'WIT')),
    constraint ck_region_vulnerability check (vulnerability in ('rendah', 'sedang', 'tinggi')),
    constraint ck_region_tps check (tps_count >= 0)
);
create index ix_region_parent on siaga_region (parent_code);
create index ix_region_province on siaga_region (province_code);

create table siaga_agency (
    group_id      varchar(64)  not null primary key,    -- the Camunda group id, e.g. polri7373
    agency_type   varchar(16)  not null,                -- KPU, BAWASLU, POLRI, TNI, KEJAKSAAN, KESBANGPOL, PEMDA, NASIONAL
    level         varchar(16)  not null,                -- REGENCY, PROVINCE, NATIONAL
    region_code   varchar(16),
    name          varchar(200) not null,
    escalates_to  varchar(64),
    constraint fk_agency_region foreign key (region_code) references siaga_region (code),
    constraint fk_agency_escalation foreign key (escalates_to) references siaga_agency (group_id),
    constraint ck_agency_level check (level in ('REGENCY', 'PROVINCE', 'NATIONAL'))
);
create index ix_agency_region on siaga_agency (region_code);

create table siaga_import_log (
    id          varchar(36)  not null primary key,
    imported_at timestamp    not null,
    imported_by varchar(64),
    source      varchar(200) not null,
    inserted    integer      not null,
    updated     integer      not null,
    unchanged   integer      not null,
    agency_changes integer   not null
);

create table siaga_election (
    id             varchar(64)  not null primary key,   -- e.g. pilkada-2024, simulasi-20261214
    name           varchar(200) not null,
    base_calendar  varchar(64)  not null,               -- the calendar file it is derived from
    voting_day     date         not null,
    simulation     boolean      not null,
    created_at     timestamp    not null
);

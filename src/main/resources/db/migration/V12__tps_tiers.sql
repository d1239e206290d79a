-- What Polres supplies per kecamatan for the voting-day TPS guard plan: how many TPS are in each
-- security tier. Imported whole per regency/city (docs/processes/tps-security-plan.md); the three
-- counts add up to the kecamatan's TPS count in siaga_kecamatan_figures when imported (checked by
-- the application, not by a foreign key: KPU may re-import its figures later).
create table siaga_tps_tiers (
    district_code       varchar(16)   not null primary key,
    regency_code        varchar(8)    not null,
    tps_low_risk        integer       not null,    -- kurang rawan
    tps_vulnerable      integer       not null,    -- rawan
    tps_highly_vulnerable integer     not null,    -- sangat rawan
    origin              varchar(8)    not null,    -- IMPORT, or DEMO for the shipped demo tiers
    updated_by          varchar(64)   not null,
    updated_at          timestamp     not null,
    constraint ck_tps_tiers check (tps_low_risk >= 0 and tps_vulnerable >= 0 and tps_highly_vulnerable >= 0
        and origin in ('IMPORT', 'DEMO'))
);
create index ix_tps_tiers_regency on siaga_tps_tiers (regency_code);

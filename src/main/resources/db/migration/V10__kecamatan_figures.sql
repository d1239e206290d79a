-- What KPU supplies per kecamatan for the logistics process: polling stations, voters, remote (3T)
-- and the main transport mode. Imported whole per regency/city (docs/processes/logistics-figures.md).
create table siaga_kecamatan_figures (
    district_code  varchar(16)   not null primary key,
    regency_code   varchar(8)    not null,
    tps_count      integer       not null,
    voters         integer       not null,
    remote         boolean       not null,
    transport      varchar(8)    not null,
    origin         varchar(8)    not null,    -- IMPORT, or DEMO for the shipped demo figures
    updated_by     varchar(64)   not null,
    updated_at     timestamp     not null,
    constraint ck_kecamatan_figures check (tps_count >= 0 and voters >= 0
        and transport in ('DARAT', 'SUNGAI', 'LAUT', 'UDARA') and origin in ('IMPORT', 'DEMO'))
);
create index ix_kecamatan_figures_regency on siaga_kecamatan_figures (regency_code);

-- Agencies as data (issue 9): where each agency's name comes from, and ad-hoc election bodies of a
-- kecamatan (PPK, Panwascam) as a level below the regency/city.
--   name_origin: GENERATED (made from type and region, not checked), REFERENCE (the real unit name
--                from agency/units.yaml, checked against name_source), ADMIN (set through the API;
--                later imports keep it)
--   name_source: the public page the name was checked against, or who changed it and when
alter table siaga_agency add column name_origin varchar(16) default 'GENERATED' not null;
alter table siaga_agency add column name_source varchar(500);
alter table siaga_agency add constraint ck_agency_name_origin
    check (name_origin in ('GENERATED', 'REFERENCE', 'ADMIN'));
alter table siaga_agency drop constraint ck_agency_level;
alter table siaga_agency add constraint ck_agency_level
    check (level in ('DISTRICT', 'REGENCY', 'PROVINCE', 'NATIONAL'));
create index ix_agency_escalates_to on siaga_agency (escalates_to);

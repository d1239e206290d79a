-- Joint and recurring action items of a Rakor (issue 15, part 4; docs/processes/coordination-meeting.md
-- "Action items").
-- A joint item ("patroli bersama") has one row per owner agency in siaga_meeting_action_item, all with
-- the same item_no: each owner follows up its own part. A recurring item ("patroli setiap malam") is
-- confirmed once per period (a day or a week) from the meeting's day until its end date (due_local);
-- each confirmation is a row of siaga_meeting_action_period.
alter table siaga_meeting_action_item add column recurrence varchar(16) default 'SEKALI' not null;
alter table siaga_meeting_action_item add constraint ck_action_item_recurrence
    check (recurrence in ('SEKALI', 'HARIAN', 'MINGGUAN'));

create table siaga_meeting_action_period (
    item_id        varchar(80)    not null,
    period_no      integer        not null,
    first_day      varchar(16)    not null,   -- local date
    last_day       varchar(16)    not null,   -- local date
    due_at         timestamp      not null,   -- end of last_day, local, as an instant
    executed       boolean        not null,   -- carried out in the period, as its owner confirms
    note           varchar(1000),
    confirmed_by   varchar(64),
    confirmed_at   timestamp      not null,
    late           boolean        not null,
    constraint pk_meeting_action_period primary key (item_id, period_no),
    constraint fk_meeting_action_period foreign key (item_id) references siaga_meeting_action_item (item_id)
);

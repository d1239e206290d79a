-- Rakor as officials run it (issue 15; docs/processes/coordination-meeting.md): the invitation is a
-- letter with its number and nature (sifat), the meeting has its own length, and each agency's
-- readiness report names the official who attends, with the head they stand in for.
alter table siaga_meeting add column duration_minutes integer default 120 not null;
alter table siaga_meeting add column letter_number varchar(100);
alter table siaga_meeting add column letter_nature varchar(16) default 'BIASA' not null;
alter table siaga_meeting add column letter_date varchar(10);               -- local date of the letter, ISO

alter table siaga_meeting_report add column attendee_name varchar(120);
alter table siaga_meeting_report add column attendee_position varchar(120);
alter table siaga_meeting_report add column attendee_on_behalf_of varchar(120);  -- null: the head attends

-- Reports that fit each agency (issue 15, part 3): what the agency reports on the topics of its
-- type (meeting.ReportTopics: the police's vulnerable points, KPU's logistics, ...), as a JSON object
-- of topic key to answer. Null in reports made before.
alter table siaga_meeting_report add column topics varchar(24000);

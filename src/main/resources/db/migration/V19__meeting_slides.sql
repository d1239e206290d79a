-- Slides (paparan) an invited agency attaches to its readiness report for a Rakor (issue 15, part 3;
-- docs/processes/coordination-meeting.md "Slides"): PDF or PPTX, at most 5 MB, recognised by their
-- content, stored here (not on disk), downloadable by the meeting's readers only.
create table siaga_meeting_slides (
    slides_id      varchar(40)   not null primary key,
    meeting_id     varchar(64)   not null,
    agency_group   varchar(64)   not null,
    file_name      varchar(120)  not null,
    content_type   varchar(100)  not null,
    size_bytes     integer       not null,
    sha256         varchar(64)   not null,
    content        bytea         not null,
    uploaded_by    varchar(64)   not null,
    uploaded_at    timestamp     not null,
    constraint fk_meeting_slides foreign key (meeting_id) references siaga_meeting (meeting_id)
);
create index ix_meeting_slides_meeting on siaga_meeting_slides (meeting_id);

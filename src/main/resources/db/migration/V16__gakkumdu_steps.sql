-- The Sentra Gakkumdu steps of an early-warning report routed as a suspected election offence:
-- each step's decision, notes, who decided and when, and the step's statutory due instant.
create table siaga_report_step (
    report_id            varchar(32)    not null,
    seq                  integer        not null,
    step                 varchar(30)    not null,
    decision             varchar(30)    not null,
    notes                varchar(2000)  not null,
    due_at               timestamp,
    decided_by           varchar(100)   not null,
    decided_at           timestamp      not null,
    primary key (report_id, seq)
);

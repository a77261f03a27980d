-- Renewal and the lapse rule (issue 5, ADR 0053). Same SQL on PostgreSQL and H2 (ADR 0021).

-- A scheme level's requirements changed on a date: labels of the level issued before it lapse after the
-- period the scheme data states (BSI: six weeks), unless renewed or their declaration is updated.
create table requirement_change (
    id          uuid primary key,
    scheme      varchar(100) not null,
    level       varchar(100) not null,
    changed_on  date not null,
    -- The data's period when the change was recorded (ISO 8601, e.g. P6W), kept with the dates it produced.
    lapse_after varchar(20) not null,
    note        varchar(500) not null,
    reference   varchar(500),
    recorded_by varchar(200) not null,
    created_at  timestamp with time zone not null,
    constraint requirement_change_unique unique (scheme, level, changed_on)
);

-- A renewal issues a new label row (new id and status index, same registration number) that names the
-- one it renews; so one assessment may now have several labels, the newest one current.
alter table label drop constraint label_assessment_unique;
create index label_assessment_idx on label (assessment_id);
alter table label add column renewal_of uuid;
alter table label add constraint label_renewal_of_fk foreign key (renewal_of) references label (id);
alter table label add constraint label_renewal_of_unique unique (renewal_of);
-- The pending lapse: the last day the label stays valid unless renewed or updated, and the change behind it.
alter table label add column lapse_on date;
alter table label add column lapse_change uuid;
alter table label add constraint label_lapse_change_fk foreign key (lapse_change) references requirement_change (id);
create index label_lapse_idx on label (lapse_on);

-- A vendor's (or the operator's) request to renew a label or to record its updated declaration, decided
-- by the operator. open_label is the label while the request is open and null afterwards: unique, so a
-- label has at most one open request even when two arrive at once (NULLs do not collide).
create table label_request (
    id           uuid primary key,
    label        uuid not null references label (id),
    kind         varchar(16) not null,
    state        varchar(16) not null,
    open_label   uuid,
    note         varchar(500),
    requested_by varchar(200) not null,
    requested_at timestamp with time zone not null,
    decided_by   varchar(200),
    decided_at   timestamp with time zone,
    comment      varchar(500),
    new_label    uuid references label (id),
    version      bigint not null,
    constraint label_request_open_unique unique (open_label),
    constraint label_request_kind_check check (kind in ('RENEWAL', 'UPDATE')),
    constraint label_request_state_check check (state in ('REQUESTED', 'APPROVED', 'REJECTED'))
);
create index label_request_label_idx on label_request (label);

-- The reviewer's comment per requirement with a transition (issue 14, ADR 0086): asking for changes names
-- what to change where, so the vendor's checklist shows each comment next to its requirement.
create table assessment_requirement_comment (
    assessment_id uuid not null,
    seq           int not null,
    catalog       varchar(100) not null,
    requirement   varchar(100) not null,
    comment       varchar(2000) not null,
    primary key (assessment_id, seq, catalog, requirement),
    foreign key (assessment_id, seq) references assessment_transition (assessment_id, seq) on delete cascade
);

-- Conformity assessments (issue 4, ADRs 0040-0042). Same SQL on PostgreSQL and H2 (ADR 0021).
-- An assessment's version column guards every change to it (answers, evidence, transitions, test
-- cases): each change bumps it under If-Match, so two concurrent editors cannot both win.

create table assessment (
    id              uuid primary key,
    product_id      uuid not null references product (id),
    vendor_id       uuid not null references organization (id),
    product_version varchar(100) not null,
    target          varchar(200) not null,
    route           varchar(32) not null,
    state           varchar(32) not null,
    -- The product's declared features and conditions (iotseal-features), as JSON.
    profile_json    text not null,
    lab_id          uuid references organization (id),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint not null,
    constraint assessment_route_check check (route in ('SELF_DECLARATION', 'THIRD_PARTY')),
    constraint assessment_state_check check (state in ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'LAB_ASSIGNED',
        'IN_EVALUATION', 'LAB_SUBMITTED', 'ACCEPTED', 'REJECTED'))
);
create index assessment_product_idx on assessment (product_id, created_at);
create index assessment_vendor_idx on assessment (vendor_id, created_at);
create index assessment_lab_idx on assessment (lab_id);

create table assessment_answer (
    assessment_id   uuid not null references assessment (id) on delete cascade,
    catalog         varchar(100) not null,
    requirement     varchar(100) not null,
    verdict         varchar(32) not null,
    justification   varchar(4000),
    -- Set only for a prefilled answer: origin, verdict, chain of mappings, weakest confidence (ADR 0042).
    provenance_json text,
    answered_by     varchar(200) not null,
    answered_at     timestamp with time zone not null,
    primary key (assessment_id, catalog, requirement),
    constraint assessment_answer_verdict_check check (verdict in ('PASS', 'FAIL', 'NOT_APPLICABLE', 'NOT_ASSESSED'))
);

-- Content-addressed evidence files (ADR 0041): one row per distinct content, the bytes on disk.
create table evidence_blob (
    sha256      varchar(64) primary key,
    size_bytes  bigint not null,
    media_type  varchar(100) not null,
    created_at  timestamp with time zone not null
);

-- A file attached to an assessment, optionally to one requirement; the same blob may be attached many times.
create table assessment_evidence (
    id            uuid primary key,
    assessment_id uuid not null references assessment (id) on delete cascade,
    sha256        varchar(64) not null references evidence_blob (sha256),
    file_name     varchar(255) not null,
    media_type    varchar(100) not null,
    kind          varchar(16) not null,
    catalog       varchar(100),
    requirement   varchar(100),
    uploaded_by   varchar(200) not null,
    uploaded_at   timestamp with time zone not null,
    constraint assessment_evidence_kind_check check (kind in ('EVIDENCE', 'LAB_REPORT'))
);
create index assessment_evidence_idx on assessment_evidence (assessment_id);
create index assessment_evidence_blob_idx on assessment_evidence (sha256);

-- Every transition with its actor and comment; the audit log has them too, hash-chained.
create table assessment_transition (
    assessment_id uuid not null references assessment (id) on delete cascade,
    seq           int not null,
    action        varchar(32) not null,
    from_state    varchar(32) not null,
    to_state      varchar(32) not null,
    actor         varchar(200) not null,
    comment       varchar(4000),
    occurred_at   timestamp with time zone not null,
    primary key (assessment_id, seq)
);

-- A lab's test cases in the manner of ETSI TS 103 701: conceptual (documents) or functional (device).
create table assessment_test_case (
    id            uuid primary key,
    assessment_id uuid not null references assessment (id) on delete cascade,
    catalog       varchar(100) not null,
    requirement   varchar(100) not null,
    test_id       varchar(100) not null,
    kind          varchar(16) not null,
    verdict       varchar(16) not null,
    description   varchar(4000),
    result        varchar(4000),
    recorded_by   varchar(200) not null,
    recorded_at   timestamp with time zone not null,
    constraint assessment_test_case_unique unique (assessment_id, test_id),
    constraint assessment_test_case_kind_check check (kind in ('CONCEPTUAL', 'FUNCTIONAL')),
    constraint assessment_test_case_verdict_check check (verdict in ('PASS', 'FAIL', 'NOT_APPLICABLE', 'INCONCLUSIVE'))
);
create index assessment_test_case_idx on assessment_test_case (assessment_id);

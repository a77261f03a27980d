-- Vendor notices from label holders (issue 17 item 5, ADR 0100). Same SQL on PostgreSQL and H2 (ADR 0021).
--
-- A notice is about one label (and its product): a firmware update, a change of company or product, the status
-- of a vulnerability and its fix, or a change of the support period. Each kind has its own columns; the others
-- stay null (the service checks which are required, so the error names the field). The operator acknowledges
-- it, or asks for a clarification that the vendor answers (vendor_notice_message). Only acknowledged notices
-- have public consequences.
create table vendor_notice (
    id                   uuid primary key,
    label_id             uuid not null references label (id) on delete cascade,
    product_id           uuid not null references product (id) on delete cascade,
    vendor_id            uuid not null references organization (id),
    kind                 varchar(24) not null,
    state                varchar(24) not null,
    -- firmware update
    firmware_version     varchar(100),
    release_date         date,
    changes              varchar(4000),
    -- CVE ids, one a line: fixed by the firmware update
    security_fixes       varchar(4000),
    -- change of company or product; a new legal name is a name change request (ADR 0067), linked here
    new_legal_name       varchar(200),
    new_legal_name_ja    varchar(200),
    name_change_id       uuid references organization_name_change (id) on delete set null,
    new_product_name     varchar(200),
    new_model            varchar(200),
    -- vulnerability and fix status
    vulnerability_id     varchar(100),
    vulnerability_status varchar(16),
    fixed_version        varchar(100),
    -- change of support period (previous: the product's end date when the notice was submitted)
    new_support_end      date,
    previous_support_end date,
    explanation          varchar(4000),
    submitted_by         varchar(200) not null,
    submitted_at         timestamp with time zone not null,
    acknowledged_by      varchar(200),
    acknowledged_at      timestamp with time zone,
    updated_at           timestamp with time zone not null,
    version              bigint not null,
    constraint vendor_notice_kind_check
        check (kind in ('FIRMWARE_UPDATE', 'COMPANY_OR_PRODUCT', 'VULNERABILITY', 'SUPPORT_PERIOD')),
    constraint vendor_notice_state_check
        check (state in ('SUBMITTED', 'CLARIFICATION_REQUESTED', 'ACKNOWLEDGED')),
    constraint vendor_notice_vulnerability_status_check
        check (vulnerability_status is null or vulnerability_status in ('AFFECTED', 'FIXED', 'NOT_AFFECTED'))
);
create index vendor_notice_label_idx on vendor_notice (label_id, submitted_at);
create index vendor_notice_product_idx on vendor_notice (product_id, acknowledged_at);
create index vendor_notice_state_idx on vendor_notice (state, updated_at);

-- The clarification thread: the operator's question and the vendor's answer, in order.
create table vendor_notice_message (
    id         uuid primary key,
    notice_id  uuid not null references vendor_notice (id) on delete cascade,
    author     varchar(200) not null,
    side       varchar(16) not null,
    body       varchar(2000) not null,
    created_at timestamp with time zone not null,
    constraint vendor_notice_message_side_check check (side in ('OPERATOR', 'VENDOR'))
);
create index vendor_notice_message_notice_idx on vendor_notice_message (notice_id, created_at);

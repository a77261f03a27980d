-- Labels issued on acceptance (issue 5, ADR 0050). Same SQL on PostgreSQL and H2 (ADR 0021).
-- The signed credential and QR text are stored as issued; the status (active, suspended, revoked) is
-- the label's live state, published through the status lists at status_index.

create table label (
    id                  uuid primary key,
    label_id            varchar(12) not null,
    assessment_id       uuid not null references assessment (id),
    product_id          uuid not null references product (id),
    vendor_id           uuid not null references organization (id),
    status_index        integer not null,
    registration_number varchar(48) not null,
    scheme              varchar(100) not null,
    level               varchar(100) not null,
    vendor_name         varchar(200) not null,
    product_name_en     varchar(200) not null,
    product_name_ja     varchar(200),
    models              text not null,
    versions            text not null,
    support_end         date not null,
    issued              date not null,
    expiry              date not null,
    credential          text not null,
    qr_text             varchar(1200) not null,
    kid                 varchar(100) not null,
    status              varchar(16) not null,
    reason              varchar(500),
    status_since        timestamp with time zone not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint not null,
    constraint label_label_id_unique unique (label_id),
    constraint label_assessment_unique unique (assessment_id),
    constraint label_status_index_unique unique (status_index),
    constraint label_status_check check (status in ('ACTIVE', 'SUSPENDED', 'REVOKED'))
);
create index label_product_idx on label (product_id);
create index label_updated_idx on label (updated_at);

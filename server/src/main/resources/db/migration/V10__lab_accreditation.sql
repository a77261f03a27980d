-- A test lab's accreditation (issue 12, ADR 0063): one row per certificate, with its scope (one
-- scheme, the levels and, optionally, the product categories it covers) and its validity. The
-- operator assigns a lab only within the scope of a certificate valid on the day; labs with one are
-- public. Same SQL on PostgreSQL and H2 (ADR 0021).
create table lab_accreditation (
    id                 uuid primary key,
    lab_id             uuid not null references organization (id),
    standard           varchar(32) not null,
    accrediting_body   varchar(200) not null,
    certificate_number varchar(100) not null,
    scheme             varchar(100) not null,
    -- Level ids of the scheme, comma-separated (at least one).
    levels             varchar(1000) not null,
    -- Product categories, comma-separated; empty means the certificate does not limit them.
    product_categories varchar(1000) not null,
    valid_from         date not null,
    valid_until        date not null,
    created_by         varchar(200) not null,
    created_at         timestamp with time zone not null,
    constraint lab_accreditation_standard_check check (standard in ('ISO_IEC_17025', 'ISO_IEC_17065')),
    constraint lab_accreditation_validity_check check (valid_until > valid_from),
    constraint lab_accreditation_certificate_unique unique (accrediting_body, certificate_number)
);
create index lab_accreditation_lab_idx on lab_accreditation (lab_id);

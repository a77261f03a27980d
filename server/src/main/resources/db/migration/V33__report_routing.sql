-- Routing of vulnerability reports to the vendor (issue 17 item 1, ADR 0102). Same SQL on PostgreSQL and H2
-- (ADR 0021).

-- The vendor's published OpenPGP public key for reports about the product (armored, checked on save: it must
-- parse and have a key that may encrypt) and its primary key's fingerprint, kept so pages need not parse it.
alter table product add column vdp_openpgp_key text;
alter table product add column vdp_openpgp_fingerprint varchar(40);

-- An event the operator's subscriptions (scope ALL) must not receive: a report about a product whose scheme's
-- data does not copy the operator. True for every other event, as before.
alter table notification_event add column operator_copy boolean default true not null;

-- How each case's report was routed at intake: whether the operator was copied and on which basis (the scheme's
-- entry of the reporting clocks data and its version), and the e-mail to the product's vulnerability contact:
-- PENDING until the sender tried it after commit, then SENT or NOT_SENT with the reason (never dropped silently).
create table disclosure_routing (
    case_id               uuid primary key references disclosure_case (id) on delete cascade,
    scheme                varchar(64) not null,
    rule_scheme           varchar(64) not null,
    data_version          integer not null,
    operator_copied       boolean not null,
    operator_copy_default boolean not null,
    operator_copy_basis   varchar(2000) not null,
    operator_copy_source  varchar(500),
    mail_to               varchar(320),
    mail_state            varchar(16) not null,
    mail_encrypted_to     varchar(40),
    mail_detail           varchar(500),
    mail_at               timestamp with time zone,
    constraint disclosure_routing_mail_state_check check (mail_state in ('PENDING', 'SENT', 'NOT_SENT'))
);

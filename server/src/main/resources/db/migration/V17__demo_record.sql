-- ADR 0071: the rows the embedded default's demo loader created, recorded in the same transaction. Pages
-- built from them (a label of a demo vendor or product) say they are demo data, and every start prints the
-- demo label's page (the current label of the recorded demo assessment). The scheme operator is not demo
-- data: the first admin belongs to it. No foreign keys: the ids name rows of three tables.
create table demo_record (
    entity_type varchar(16) not null,
    entity_id   uuid not null,
    primary key (entity_type, entity_id),
    constraint demo_record_type_check check (entity_type in ('ORGANIZATION', 'PRODUCT', 'ASSESSMENT'))
);

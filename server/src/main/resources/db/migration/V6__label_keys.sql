-- Which signing key the registry signs with (ADR 0051). The keys themselves stay in the keystore file;
-- this one row is what every server instance locks and checks before it signs, so that after one
-- instance rotates or removes a key the others reload the keystore instead of signing with a retired
-- key. generation counts the changes and is the key list's ETag. Same SQL on PostgreSQL and H2 (ADR 0021).

create table label_key_state (
    id          integer primary key,
    generation  bigint not null,
    active_kid  varchar(100) not null,
    changed_at  timestamp with time zone not null,
    constraint label_key_state_single_row check (id = 1)
);

-- How many labels each key signed: what removing a key would invalidate.
create index label_kid_idx on label (kid);

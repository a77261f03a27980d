-- Failed password checks, for the login throttle (ADR 0064). Shared by every server instance through
-- the database. One row per (account, source) pair and one per source; the key is a SHA-256, so
-- whatever an attacker types as a user name is not stored. Rows are forgotten after expires_at.
create table login_throttle (
    throttle_key    varchar(80) primary key,
    failures        int not null,
    last_failure_at timestamp with time zone not null,
    expires_at      timestamp with time zone not null
);
create index login_throttle_expiry_idx on login_throttle (expires_at);
create index login_throttle_eviction_idx on login_throttle (failures, expires_at);

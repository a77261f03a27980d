-- ADR 0066: each audit entry names the format its hash was computed in. Every entry written before
-- this migration is format 1 (sorted-keys JSON, ADR 0023) and keeps verifying as such; the server
-- writes format 2 (RFC 8785) from now on.
alter table audit_entry add column hash_format int default 1 not null;

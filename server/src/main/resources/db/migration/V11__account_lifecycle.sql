-- User lifecycle (ADR 0065). Plain SQL that PostgreSQL and H2 (PostgreSQL mode) both run.

-- User names are unique whatever their case: "Admin" and "admin" are one name. The key is kept by the
-- server (user names are ASCII, so Java's and SQL's lower-casing agree). A database that already holds
-- two names differing only in case keeps both accounts: the older one gets the plain key, every later
-- one a key suffixed with its id, so it still signs in by its exact name and an admin can rename it.
alter table app_user add column username_key varchar(140);
update app_user set username_key = lower(username);
update app_user u set username_key = lower(u.username) || '#' || cast(u.id as varchar(36))
    where exists (select 1 from app_user o where lower(o.username) = lower(u.username)
                  and (o.created_at < u.created_at or (o.created_at = u.created_at and o.id < u.id)));
alter table app_user alter column username_key set not null;
alter table app_user add constraint app_user_username_key_unique unique (username_key);

-- Sessions store the epoch they signed in at; raising it ends every session of the user, on every
-- server instance (password change, reset, disabling, an admin's "end sessions").
alter table app_user add column session_epoch bigint default 0 not null;
-- Set by a password reset: the one-time password only lets its user change the password.
alter table app_user add column must_change_password boolean default false not null;
-- When a one-time password stops working; null for a password the user chose.
alter table app_user add column password_expires_at timestamp with time zone;

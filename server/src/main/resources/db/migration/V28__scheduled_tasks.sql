-- db-scheduler's task table (ADR 0095), in the form its documentation gives for PostgreSQL (16.x, without
-- the optional "state" column it does not use), with varchar where PostgreSQL's text would be an H2 CLOB
-- (H2 refuses CLOB key columns). Tasks here survive restarts; instances pick them with row locks, so each
-- execution runs once across instances.
create table scheduled_tasks (
    task_name            varchar(200) not null,
    task_instance        varchar(500) not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean not null,
    picked_by            varchar(200),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_idx on scheduled_tasks (priority desc, execution_time asc);

import { Migration } from '@mikro-orm/migrations';

/**
 * Visits counted per cell and kind over a day, a week (from Monday) and a month (`visit_count`,
 * one row per grain, cell, start and kind), kept by statement-level triggers on `visit`, so visit
 * statistics by unit, cell, week, month and kind sum whole weeks or months, and days only at the
 * edges of the range: a district's year by week reads ~30k rows instead of 1.2M visits. Topics and
 * distinct households are not counted here: those statistics still read the visits.
 * Each trigger adds the statement's changes grouped by key, in key order (concurrent writers lock
 * the counters in the same order), with ON CONFLICT so concurrent first visits of a key meet on one
 * row. An update that moves a visit out of a key leaves a zero count there: readers skip groups
 * without visits. A transaction writing visits of several cells or days in separate statements
 * holds their counters until it commits (recordVisit writes one visit per transaction).
 */
export class Migration20261123050000_visit_counts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create function gb_week_start(day date) returns date language sql immutable parallel safe
  return day - (extract(isodow from day)::int - 1);
create function gb_month_start(day date) returns date language sql immutable parallel safe
  return day - (extract(day from day)::int - 1);

create table visit_count (
  grain text not null check (grain in ('day', 'week', 'month')),
  cell_id int not null references cell(id) on delete cascade,
  starts_on date not null,
  kind text not null,
  visits int not null check (visits >= 0),
  hot_spots int not null check (hot_spots >= 0),
  primary key (grain, cell_id, starts_on, kind)
);

-- The keys of each visit at every grain; a count can never go below zero (a check fails loudly
-- rather than drift).
create function visit_count_insert() returns trigger language plpgsql as $$
begin
  insert into visit_count as c (grain, cell_id, starts_on, kind, visits, hot_spots)
  select g.grain, n.cell_id, g.starts_on, n.kind, count(*), count(*) filter (where n.hot_spot)
    from gb_new n cross join lateral (values ('day', n.visited_on), ('week', gb_week_start(n.visited_on)), ('month', gb_month_start(n.visited_on))) g(grain, starts_on)
   group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (grain, cell_id, starts_on, kind) do update set visits = c.visits + excluded.visits, hot_spots = c.hot_spots + excluded.hot_spots;
  return null;
end $$;

create function visit_count_delete() returns trigger language plpgsql as $$
begin
  update visit_count c set visits = c.visits - o.visits, hot_spots = c.hot_spots - o.hot_spots
    from (select g.grain, o.cell_id, g.starts_on, o.kind, count(*) as visits, count(*) filter (where o.hot_spot) as hot_spots
            from gb_old o cross join lateral (values ('day', o.visited_on), ('week', gb_week_start(o.visited_on)), ('month', gb_month_start(o.visited_on))) g(grain, starts_on)
           group by 1, 2, 3, 4 order by 1, 2, 3, 4) o
   where c.grain = o.grain and c.cell_id = o.cell_id and c.starts_on = o.starts_on and c.kind = o.kind;
  return null;
end $$;

-- The old rows come off (they were counted, so no count goes below zero), then the new ones go on.
create function visit_count_update() returns trigger language plpgsql as $$
begin
  update visit_count c set visits = c.visits - o.visits, hot_spots = c.hot_spots - o.hot_spots
    from (select g.grain, o.cell_id, g.starts_on, o.kind, count(*) as visits, count(*) filter (where o.hot_spot) as hot_spots
            from gb_old o cross join lateral (values ('day', o.visited_on), ('week', gb_week_start(o.visited_on)), ('month', gb_month_start(o.visited_on))) g(grain, starts_on)
           group by 1, 2, 3, 4 order by 1, 2, 3, 4) o
   where c.grain = o.grain and c.cell_id = o.cell_id and c.starts_on = o.starts_on and c.kind = o.kind;
  insert into visit_count as c (grain, cell_id, starts_on, kind, visits, hot_spots)
  select g.grain, n.cell_id, g.starts_on, n.kind, count(*), count(*) filter (where n.hot_spot)
    from gb_new n cross join lateral (values ('day', n.visited_on), ('week', gb_week_start(n.visited_on)), ('month', gb_month_start(n.visited_on))) g(grain, starts_on)
   group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (grain, cell_id, starts_on, kind) do update set visits = c.visits + excluded.visits, hot_spots = c.hot_spots + excluded.hot_spots;
  return null;
end $$;

create function visit_count_truncate() returns trigger language plpgsql as $$
begin
  truncate visit_count;
  return null;
end $$;

create trigger visit_count_insert after insert on visit referencing new table as gb_new
  for each statement execute function visit_count_insert();
create trigger visit_count_delete after delete on visit referencing old table as gb_old
  for each statement execute function visit_count_delete();
create trigger visit_count_update after update on visit referencing old table as gb_old new table as gb_new
  for each statement execute function visit_count_update();
create trigger visit_count_truncate after truncate on visit
  for each statement execute function visit_count_truncate();

-- Recounts from the visits (after a bulk load with triggers off, or to check).
create function gb_refresh_visit_counts() returns void language sql as $$
  delete from visit_count;
  insert into visit_count (grain, cell_id, starts_on, kind, visits, hot_spots)
  select g.grain, v.cell_id, g.starts_on, v.kind, count(*), count(*) filter (where v.hot_spot)
    from visit v cross join lateral (values ('day', v.visited_on), ('week', gb_week_start(v.visited_on)), ('month', gb_month_start(v.visited_on))) g(grain, starts_on)
   group by 1, 2, 3, 4;
$$;
select gb_refresh_visit_counts();
analyze visit_count;
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop trigger visit_count_truncate on visit;
drop trigger visit_count_update on visit;
drop trigger visit_count_delete on visit;
drop trigger visit_count_insert on visit;
drop function visit_count_truncate();
drop function visit_count_update();
drop function visit_count_delete();
drop function visit_count_insert();
drop function gb_refresh_visit_counts();
drop table visit_count;
drop function gb_month_start(date);
drop function gb_week_start(date);
`);
  }
}

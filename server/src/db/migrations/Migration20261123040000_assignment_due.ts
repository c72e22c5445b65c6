import { Migration } from '@mikro-orm/migrations';

/**
 * Each assignment carries the visit interval its policy sets (`interval_days`) and the date its
 * next visit is due (`due_on`, generated), so the overdue list filters and sorts on an index
 * instead of resolving the inherited policy per row. Triggers keep the interval right when an
 * assignment is made or changes mode or household, when a policy is set or removed, when a
 * committee moves in the tree, and when a household moves to another cell.
 */
export class Migration20261123040000_assignment_due extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table assignment
  add column interval_days smallint not null default 30 check (interval_days between 1 and 31),
  add column due_on date generated always as (coalesce(last_visit_on, started_on) + interval_days) stored;

-- The interval in force for a household's assignment: the nearest policy up the tree, else 30 days.
create function gb_interval_days(p_household int, p_mode text) returns smallint language sql stable as $$
  select coalesce(case when p_mode = 'regular' then p.regular_interval_days else p.non_regular_interval_days end, 30)::smallint
    from household h join cell c on c.id = h.cell_id join committee k on k.id = c.committee_id
    left join lateral (select vp.* from visit_policy vp join committee a on a.id = vp.committee_id
                        where k.path like a.path || '%' order by a.depth desc limit 1) p on true
   where h.id = p_household
$$;

-- Set-based refresh of the assignments in force under a committee path (all of them when null).
create function gb_refresh_intervals(root_path text) returns void language sql as $$
  with policy as (
    select k.id as committee_id,
           coalesce(p.regular_interval_days, 30) as regular, coalesce(p.non_regular_interval_days, 30) as non_regular
      from committee k
      left join lateral (select vp.* from visit_policy vp join committee a on a.id = vp.committee_id
                          where k.path like a.path || '%' order by a.depth desc limit 1) p on true
     where root_path is null or k.path like root_path || '%'
  ), target as (
    select a.id, case when a.mode = 'regular' then p.regular else p.non_regular end as interval_days
      from assignment a join household h on h.id = a.household_id join cell c on c.id = h.cell_id
      join policy p on p.committee_id = c.committee_id
     where a.ended_on is null
  )
  update assignment a set interval_days = target.interval_days from target
   where a.id = target.id and a.interval_days <> target.interval_days
$$;

create function assignment_set_interval() returns trigger language plpgsql as $$
begin
  new.interval_days := gb_interval_days(new.household_id, new.mode);
  return new;
end $$;
create trigger assignment_set_interval before insert or update of household_id, mode on assignment
  for each row execute function assignment_set_interval();

create function visit_policy_refresh_intervals() returns trigger language plpgsql as $$
begin
  perform gb_refresh_intervals((select path from committee where id = coalesce(new.committee_id, old.committee_id)));
  return null;
end $$;
create trigger visit_policy_refresh_intervals after insert or update or delete on visit_policy
  for each row execute function visit_policy_refresh_intervals();

-- Paths change through the path trigger (not always in the SET list), hence a WHEN, not "update of path".
create function committee_refresh_intervals() returns trigger language plpgsql as $$
begin
  perform gb_refresh_intervals(new.path);
  return null;
end $$;
create trigger committee_refresh_intervals after update on committee
  for each row when (new.path is distinct from old.path) execute function committee_refresh_intervals();

create function household_refresh_interval() returns trigger language plpgsql as $$
begin
  update assignment set interval_days = gb_interval_days(id_household.id, mode)
    from (select new.id) as id_household(id)
   where household_id = new.id and ended_on is null;
  return null;
end $$;
create trigger household_refresh_interval after update of cell_id on household
  for each row when (new.cell_id is distinct from old.cell_id) execute function household_refresh_interval();

select gb_refresh_intervals(null);

-- The overdue list: assignments in force by due date (filter "past due", order "most overdue first").
create index assignment_due_idx on assignment (due_on, id) where ended_on is null;
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop trigger household_refresh_interval on household;
drop function household_refresh_interval();
drop trigger committee_refresh_intervals on committee;
drop function committee_refresh_intervals();
drop trigger visit_policy_refresh_intervals on visit_policy;
drop function visit_policy_refresh_intervals();
drop trigger assignment_set_interval on assignment;
drop function assignment_set_interval();
drop function gb_refresh_intervals(text);
drop function gb_interval_days(int, text);
alter table assignment drop column due_on, drop column interval_days;
`);
  }
}

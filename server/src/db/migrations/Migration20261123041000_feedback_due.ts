import { Migration } from '@mikro-orm/migrations';

/**
 * Answer deadlines for feedback (hạn trả lời). Each level has a time to answer from the day the
 * feedback reached it: the cell by its next monthly meeting (30 days), the commune in writing
 * (15 days), the district or agency (30 days). `level_since` is kept by a trigger; the due date is
 * generated, indexed for the open items of the inbox.
 */
export class Migration20261123041000_feedback_due extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table feedback add column level_since date;

-- The day each feedback reached its current level: the latest event that moved it there, else the day raised.
create function gb_refresh_feedback_level_since() returns void language sql as $$
  update feedback f set level_since = coalesce(
    (select max(e.at)::date from feedback_event e
      where e.feedback_id = f.id and e.to_level = f.level and e.from_level is distinct from e.to_level and e.from_level is not null),
    f.raised_on)
   where f.level_since is null
$$;
select gb_refresh_feedback_level_since();

-- Null reads as the day raised (rows bulk-copied with triggers off before their refresh).
alter table feedback
  add column answer_due_on date generated always as
    (coalesce(level_since, raised_on) + case level when 'cell' then 30 when 'commune' then 15 else 30 end) stored;

create function feedback_set_level_since() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then new.level_since := coalesce(new.level_since, new.raised_on);
  elsif new.level <> old.level then new.level_since := current_date;
  end if;
  return new;
end $$;
create trigger feedback_set_level_since before insert or update of level on feedback
  for each row execute function feedback_set_level_since();

create index feedback_answer_due_idx on feedback (answer_due_on, id) where status in ('raised','escalated');
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop trigger feedback_set_level_since on feedback;
drop function feedback_set_level_since();
drop function gb_refresh_feedback_level_since();
alter table feedback drop column answer_due_on, drop column level_since;
`);
  }
}

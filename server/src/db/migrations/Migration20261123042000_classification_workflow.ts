import { Migration } from '@mikro-orm/migrations';

/**
 * The classification workflow: the secretary enters grades (draft), submits the cell's sheet,
 * the committee approves (locked, existing trigger) or returns it with a note. A submitted grade
 * cannot change until it is returned; a residence-cell rating cannot change once the member's
 * classification for that year is approved.
 */
export class Migration20261123042000_classification_workflow extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table member_classification add column return_note text, add column updated_at timestamptz not null default now();
alter table cell_classification add column return_note text, add column updated_at timestamptz not null default now();
alter table residence_rating add column updated_at timestamptz not null default now();

create function classification_guard_submitted() returns trigger language plpgsql as $$
begin
  if old.submitted_at is not null and new.submitted_at is not null
     and (new.grade is distinct from old.grade or new.comment is distinct from old.comment) then
    perform gb_raise('CLASSIFICATION_SUBMITTED');
  end if;
  new.updated_at := now();
  return new;
end $$;
create trigger member_classification_submitted before update on member_classification
  for each row execute function classification_guard_submitted();
create trigger cell_classification_submitted before update on cell_classification
  for each row execute function classification_guard_submitted();

create function residence_rating_lock() returns trigger language plpgsql as $$
begin
  if exists (select 1 from member_classification mc
              where mc.member_id = coalesce(new.member_id, old.member_id) and mc.year = coalesce(new.year, old.year)
                and mc.approved_at is not null) then
    perform gb_raise('CLASSIFICATION_LOCKED');
  end if;
  if tg_op = 'UPDATE' then new.updated_at := now(); end if;
  return coalesce(new, old);
end $$;
create trigger residence_rating_lock before insert or update or delete on residence_rating
  for each row execute function residence_rating_lock();

create index member_classification_year_idx on member_classification (year, member_id);
create index cell_classification_year_idx on cell_classification (year, cell_id);
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop index member_classification_year_idx;
drop index cell_classification_year_idx;
drop trigger residence_rating_lock on residence_rating;
drop function residence_rating_lock();
drop trigger member_classification_submitted on member_classification;
drop trigger cell_classification_submitted on cell_classification;
drop function classification_guard_submitted();
alter table residence_rating drop column updated_at;
alter table cell_classification drop column return_note, drop column updated_at;
alter table member_classification drop column return_note, drop column updated_at;
`);
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { ReferenceKind, type EntityMetadata, type EntityName, type Platform } from '@mikro-orm/core';
import type { Access } from '../auth/scope.js';

/** Where the access of a mapped row is kept: on the object itself, cheaper to read than a WeakMap. */
const ACCESS = Symbol('gb_access');
/** Where the related values fetched along with a row are kept (prefetch.ts), by loader name; copied onto the mapped object. */
export const ALONG = Symbol('gb_along');

type Convert = (value: unknown) => unknown;

/** How one entity class is built from a row: its prototype and, per column, the property and its conversion. */
interface Plan {
  proto: object;
  columns: { column: string; property: string; convert: Convert | null }[];
}

const plans = new WeakMap<object, Plan>();

/**
 * The plan of an entity, from MikroORM's metadata, made once per class. The prototype inherits
 * the entity's (getters such as `active`, `instanceof`) but shadows MikroORM's change-tracking
 * setters with plain data properties, so filling a row is plain assignments. Relations become
 * `{ id }` references: on the read path, related rows are only ever loaded through loaders by id.
 */
function planOf(em: EntityManager, entity: EntityName<object>): Plan {
  const key = entity as object;
  let plan = plans.get(key);
  if (plan) return plan;
  const meta = em.getMetadata().get(entity) as EntityMetadata<object>;
  const platform: Platform = em.getPlatform();
  const shadows: PropertyDescriptorMap = {};
  const columns: Plan['columns'] = [];
  for (const prop of meta.props) {
    if (prop.kind !== ReferenceKind.SCALAR && prop.kind !== ReferenceKind.MANY_TO_ONE && !(prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) continue;
    if (!prop.fieldNames?.length || prop.getter) continue;
    const setter = Object.getOwnPropertyDescriptor(meta.prototype, prop.name)?.set;
    if (setter) shadows[prop.name] = { value: undefined, writable: true, enumerable: false, configurable: true };
    let convert: Convert | null = null;
    if (prop.kind !== ReferenceKind.SCALAR) convert = (id) => (id == null ? null : { id });
    else if (prop.customType) {
      const type = prop.customType;
      convert = (value) => (value == null ? value : type.convertToJSValue(value, platform));
    } else if (prop.runtimeType === 'Date') convert = (value) => (value == null ? value : platform.parseDate(value as string));
    columns.push({ column: prop.fieldNames[0], property: prop.name, convert });
  }
  plan = { proto: Object.create(meta.prototype, shadows), columns };
  plans.set(key, plan);
  return plan;
}

/**
 * Maps raw rows to entity-shaped objects and remembers how the viewer may see each (the
 * `gb_access` column computed by the scoped query); the field policy reads it. Rows are not
 * merged into MikroORM's identity map: its hydration took about a quarter of the server's CPU
 * on lists, and nothing on the read path uses the map (writes run their own SQL).
 */
export class RowMapper {
  constructor(private readonly em: EntityManager) {}

  map<T extends object>(entity: EntityName<T>, row: Record<string, unknown>): T {
    const plan = planOf(this.em, entity as EntityName<object>);
    const mapped = Object.create(plan.proto) as Record<string | symbol, unknown>;
    for (const { column, property, convert } of plan.columns) {
      const value = row[column];
      if (value === undefined) continue;
      mapped[property] = convert ? convert(value) : value;
    }
    const access = row.gb_access;
    if (access) mapped[ACCESS] = access;
    const along = (row as Record<symbol, unknown>)[ALONG];
    if (along) mapped[ALONG] = along;
    return mapped as T;
  }

  /** The column behind a property of the entity (scalars and references), undefined for getters and collections. */
  columnOf(entity: EntityName<object>, property: string): string | undefined {
    return planOf(this.em, entity).columns.find((c) => c.property === property)?.column;
  }

  accessOf(entity: object): Access | undefined {
    return (entity as Record<symbol, Access | undefined>)[ACCESS];
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import type { Access } from '../auth/scope.js';
import { mapRow } from './sql.js';

/**
 * Maps raw rows to entities and remembers, per entity, how the viewer may see it
 * (the `gb_access` column computed by the scoped query). The field policy reads it.
 */
export class RowMapper {
  private readonly access = new WeakMap<object, Access>();

  constructor(private readonly em: EntityManager) {}

  map<T extends object>(entity: EntityName<T>, row: Record<string, unknown>): T {
    const { gb_access: access, ...columns } = row;
    const mapped = mapRow(this.em, entity, columns);
    if (access) this.access.set(mapped, access as Access);
    return mapped;
  }

  accessOf(entity: object): Access | undefined {
    return this.access.get(entity);
  }
}

/** Every MikroORM entity, registered once here. */
export const entities: Function[] = [];

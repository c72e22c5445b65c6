import type { Topic, VisitKind } from '../../gql/graphql';

/**
 * Every topic, in the order a member scans them on a visit: daily life first, then order and
 * safety, then the rest. `satisfies` makes a topic added to the schema fail the type check here.
 */
const TOPIC_ORDER = {
  LIVELIHOOD: 1,
  POVERTY: 2,
  POLICY: 3,
  LAND: 4,
  DRINKING_WATER: 5,
  ENVIRONMENT: 6,
  INFRASTRUCTURE: 7,
  HEALTH: 8,
  HEALTH_INSURANCE: 9,
  EDUCATION: 10,
  SECURITY_ORDER: 11,
  SOCIAL_EVILS: 12,
  THEFT: 13,
  FRAUD: 14,
  TRAFFIC: 15,
  CONSTRUCTION: 16,
  CONFLICT: 17,
  RELIGION: 18,
  OTHER: 19,
} satisfies Record<Topic, number>;

export const TOPICS = Object.keys(TOPIC_ORDER) as Topic[];

export function isTopic(value: unknown): value is Topic {
  return typeof value === 'string' && Object.hasOwn(TOPIC_ORDER, value);
}

const KIND_ORDER = { HOME_VISIT: 1, GROUP_ACTIVITY: 2, DELEGATION: 3 } satisfies Record<VisitKind, number>;

export const VISIT_KINDS = Object.keys(KIND_ORDER) as VisitKind[];

export function isVisitKind(value: unknown): value is VisitKind {
  return typeof value === 'string' && Object.hasOwn(KIND_ORDER, value);
}

import type { ClassificationStatus } from '../../gql/graphql';

/** How many cells of a committee stand where: what committee staff have to do next (approve the submitted). */
export function overviewCounts(rows: readonly { status: ClassificationStatus }[]) {
  const of = (status: ClassificationStatus) => rows.filter((row) => row.status === status).length;
  return { submitted: of('SUBMITTED'), approved: of('APPROVED'), draft: of('DRAFT'), total: rows.length };
}

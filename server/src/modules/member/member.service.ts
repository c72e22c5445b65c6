import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { parseId } from '../../graphql/ids.js';
import { inTransaction } from '../../graphql/transaction.js';
import { requireManageCell, visibleOrNotFound } from '../../graphql/targets.js';
import { ExemptReason, MemberStatus, type Member } from './member.entity.js';

/**
 * Exempts a member from activity (miễn sinh hoạt: age, illness, mobility) or makes them active
 * again. Who: the cell's secretary or committee staff over it. A member holding households must
 * be relieved of them first (MEMBER_HAS_ACTIVE_ASSIGNMENTS, a database rule).
 */
export async function setMemberStatus(ctx: Context, input: { memberId: string; status: MemberStatus; exemptReason?: ExemptReason | null }): Promise<Member> {
  const memberId = parseId(input.memberId, 'memberId');
  const member = await visibleOrNotFound(ctx.loaders.member.load(memberId), 'memberId');
  await requireManageCell(ctx, member.cell.id);
  const exempt = input.status === MemberStatus.EXEMPT;
  if (exempt && !input.exemptReason) throw badInput('exemptReason', 'an exempt member needs a reason');
  if (!exempt && input.exemptReason) throw badInput('exemptReason', 'only an exempt member has a reason');
  await inTransaction(ctx, (em) =>
    em.execute('update member set status = ?, exempt_reason = ? where id = ?', [input.status, exempt ? input.exemptReason : null, memberId]));
  return (await ctx.loaders.member.load(memberId))!;
}

import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Cell } from '../cell/cell.entity.js';
import { Member } from '../member/member.entity.js';
import {
  CellClassificationRow, CellClassificationStatus, ClassificationSheet, ClassificationSheetInput, MemberClassificationRow, MemberIndicators,
  RateResidentMemberInput, ReturnClassificationInput, SetCellClassificationInput, SetMemberClassificationInput,
} from './classification.types.js';
import {
  approveClassification, classificationOverview, classificationSheet, rateResidentMember, returnClassification, setCellClassification,
  setMemberClassification, submitClassification,
} from './classification.service.js';

@Resolver()
export class ClassificationResolver {
  @Query(() => ClassificationSheet, { description: "A cell's classification sheet for a year: members' indicators beside their grades, and the cell's. For the cell's secretary and committee staff over it." })
  classificationSheet(
    @Ctx() ctx: Context,
    @Arg('cellId', () => ID, { description: 'The cell.' }) cellId: string,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
  ): Promise<ClassificationSheet> {
    return classificationSheet(ctx, cellId, year);
  }

  @Query(() => [CellClassificationStatus], { description: 'Progress of the classification of every cell of a committee subtree, for committee staff over it.' })
  classificationOverview(
    @Ctx() ctx: Context,
    @Arg('committeeId', () => ID, { description: 'The committee.' }) committeeId: string,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
  ): Promise<CellClassificationStatus[]> {
    return classificationOverview(ctx, committeeId, year);
  }

  @Mutation(() => MemberClassificationRow, { description: "Enter a member's grade and comment (draft). Errors: CLASSIFICATION_SUBMITTED, CLASSIFICATION_LOCKED." })
  setMemberClassification(@Ctx() ctx: Context, @Arg('input', { description: 'What to store.' }) input: SetMemberClassificationInput): Promise<MemberClassificationRow> {
    return setMemberClassification(ctx, input);
  }

  @Mutation(() => CellClassificationRow, { description: "Enter the cell's own grade and comment (draft). Errors: CLASSIFICATION_SUBMITTED, CLASSIFICATION_LOCKED." })
  setCellClassification(@Ctx() ctx: Context, @Arg('input', { description: 'What to store.' }) input: SetCellClassificationInput): Promise<CellClassificationRow> {
    return setCellClassification(ctx, input);
  }

  @Mutation(() => ClassificationSheet, { description: 'Send the sheet to the committee. Errors: CLASSIFICATION_INCOMPLETE (extensions.memberIds lists members without a grade), CLASSIFICATION_LOCKED.' })
  submitClassification(@Ctx() ctx: Context, @Arg('input', { description: 'Which sheet.' }) input: ClassificationSheetInput): Promise<ClassificationSheet> {
    return submitClassification(ctx, input);
  }

  @Mutation(() => ClassificationSheet, { description: 'Approve a submitted sheet; its records are locked. Errors: CLASSIFICATION_NOT_SUBMITTED, CLASSIFICATION_LOCKED.' })
  approveClassification(@Ctx() ctx: Context, @Arg('input', { description: 'Which sheet.' }) input: ClassificationSheetInput): Promise<ClassificationSheet> {
    return approveClassification(ctx, input);
  }

  @Mutation(() => ClassificationSheet, { description: 'Return a submitted sheet to the cell with a note; it is a draft again. Errors: CLASSIFICATION_NOT_SUBMITTED, CLASSIFICATION_LOCKED.' })
  returnClassification(@Ctx() ctx: Context, @Arg('input', { description: 'Which sheet, and why.' }) input: ReturnClassificationInput): Promise<ClassificationSheet> {
    return returnClassification(ctx, input);
  }

  @Mutation(() => MemberIndicators, { description: "The residence cell's rating of a member who lives in it and works elsewhere (Quy định 213). Errors: CLASSIFICATION_LOCKED once the member's classification is approved." })
  rateResidentMember(@Ctx() ctx: Context, @Arg('input', { description: 'The rating.' }) input: RateResidentMemberInput): Promise<MemberIndicators> {
    return rateResidentMember(ctx, input);
  }
}

@Resolver(() => ClassificationSheet)
export class ClassificationSheetResolver {
  @FieldResolver(() => Cell, { description: 'The cell.' })
  async cell(@Root() sheet: ClassificationSheet, @Ctx() ctx: Context): Promise<Cell> {
    return (await ctx.loaders.cell.load(sheet.cellId))!;
  }
}

@Resolver(() => MemberClassificationRow)
export class MemberClassificationRowResolver {
  @FieldResolver(() => Member, { description: 'The member.' })
  async member(@Root() row: MemberClassificationRow, @Ctx() ctx: Context): Promise<Member> {
    return (await ctx.loaders.member.load(row.memberId))!;
  }
}

@Resolver(() => MemberIndicators)
export class MemberIndicatorsResolver {
  @FieldResolver(() => Cell, { nullable: true, description: 'Cell where the member lives, when it differs; null when none or outside your scope.' })
  residenceCell(@Root() indicators: MemberIndicators, @Ctx() ctx: Context): Promise<Cell | null> | null {
    return indicators.residenceCellId ? ctx.loaders.cell.load(indicators.residenceCellId) : null;
  }
}

@Resolver(() => CellClassificationStatus)
export class CellClassificationStatusResolver {
  @FieldResolver(() => Cell, { description: 'The cell.' })
  async cell(@Root() row: CellClassificationStatus, @Ctx() ctx: Context): Promise<Cell> {
    return (await ctx.loaders.cell.load(row.cellId))!;
  }
}

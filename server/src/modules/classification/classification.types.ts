import { Field, ID, InputType, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';

export enum Grade {
  EXCELLENT = 'excellent',
  GOOD = 'good',
  COMPLETE = 'complete',
  INCOMPLETE = 'incomplete',
}
registerEnumType(Grade, {
  name: 'Grade',
  description: 'Annual quality grade (xếp loại chất lượng).',
  valuesConfig: {
    EXCELLENT: { description: 'Hoàn thành xuất sắc nhiệm vụ.' },
    GOOD: { description: 'Hoàn thành tốt nhiệm vụ.' },
    COMPLETE: { description: 'Hoàn thành nhiệm vụ.' },
    INCOMPLETE: { description: 'Không hoàn thành nhiệm vụ.' },
  },
});

export enum ResidenceRatingValue {
  GOOD = 'good',
  FAIR = 'fair',
  POOR = 'poor',
}
registerEnumType(ResidenceRatingValue, {
  name: 'ResidenceRatingValue',
  description: 'Rating the residence cell gives a member who works elsewhere (Quy định 213).',
  valuesConfig: {
    GOOD: { description: 'Good (tốt).' },
    FAIR: { description: 'Fair (khá, trung bình).' },
    POOR: { description: 'Poor (kém).' },
  },
});

export enum ClassificationStatus {
  DRAFT = 'draft',
  SUBMITTED = 'submitted',
  APPROVED = 'approved',
}
registerEnumType(ClassificationStatus, {
  name: 'ClassificationStatus',
  description: 'Where a classification stands.',
  valuesConfig: {
    DRAFT: { description: 'Being entered by the cell (nháp), or returned by the committee.' },
    SUBMITTED: { description: 'Sent to the committee (đã gửi), waiting for approval; cannot change.' },
    APPROVED: { description: 'Approved by the committee (đã duyệt); locked.' },
  },
});

@ObjectType({ description: "A member's indicators for a year, computed from the records (never entered by hand).", simpleResolvers: true })
export class MemberIndicators {
  @Field(() => Int, { description: 'Households the member was responsible for at some time in the year.' })
  householdsHeld!: number;

  @Field(() => Int, { description: 'Home visits made under those assignments in the year (up to today).' })
  visitsMade!: number;

  @Field(() => Int, { description: 'Visits due in the year (up to today): for each assignment, its days in force divided by its interval.' })
  visitsDue!: number;

  @Field(() => Int, { description: 'Feedback raised on those visits in the year.' })
  feedbackRaised!: number;

  @Field(() => Int, { description: 'Of it, answered (on the spot or in writing) or closed.' })
  feedbackResolved!: number;

  residenceCellId!: number | null;

  @Field(() => ResidenceRatingValue, { nullable: true, description: 'The residence cell\'s rating for the year, where the member lives in another cell; null when none is given.' })
  residenceRating!: ResidenceRatingValue | null;

  @Field(() => String, { nullable: true, description: 'The residence cell\'s comment.' })
  residenceComment!: string | null;
}

@InterfaceType({ description: 'What people enter and approve in a classification record (members and cells alike).' })
export abstract class ClassificationRecord {
  @Field(() => Grade, { nullable: true, description: 'Grade, once entered.' })
  grade!: Grade | null;

  @Field(() => String, { nullable: true, description: 'Comment (nhận xét).' })
  comment!: string | null;

  @Field(() => ClassificationStatus, { description: 'Draft, submitted or approved.' })
  status!: ClassificationStatus;

  @Field(() => Date, { nullable: true, description: 'When the cell submitted it.' })
  submittedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the committee approved it.' })
  approvedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who approved it (username).' })
  approvedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the committee returned it, while it is a draft again.' })
  returnNote!: string | null;
}

@ObjectType({ description: "A member's classification for a year (đánh giá, xếp loại đảng viên) beside the computed indicators.", implements: ClassificationRecord })
export class MemberClassificationRow extends ClassificationRecord {
  memberId!: number;

  @Field(() => Boolean, { description: 'Whether a grade is required to submit: active members; exempt members may be left ungraded.' })
  required!: boolean;

  @Field(() => MemberIndicators, { description: 'Computed indicators.' })
  indicators!: MemberIndicators;
}

@ObjectType({ description: "A cell's indicators for a year.", simpleResolvers: true })
export class CellIndicators {
  @Field(() => Int, { description: 'Active members of the cell.' })
  activeMembers!: number;

  @Field(() => Int, { description: 'Members responsible for a household at some time in the year.' })
  membersWithHouseholds!: number;

  @Field(() => Int, { description: 'Households of the cell now.' })
  households!: number;

  @Field(() => Int, { description: 'Households with a responsible member now.' })
  householdsCovered!: number;

  @Field(() => Int, { description: 'Visits of every kind recorded in the cell in the year.' })
  visitsMade!: number;

  @Field(() => Int, { description: 'Home visits due in the year (sum over its members).' })
  visitsDue!: number;

  @Field(() => Int, { description: 'Feedback raised in the cell in the year.' })
  feedbackRaised!: number;

  @Field(() => Int, { description: 'Of it, answered or closed.' })
  feedbackResolved!: number;
}

@ObjectType({ description: "A cell's classification for a year (xếp loại chi bộ) beside its indicators.", simpleResolvers: true, implements: ClassificationRecord })
export class CellClassificationRow extends ClassificationRecord {
  @Field(() => CellIndicators, { description: 'Computed indicators.' })
  indicators!: CellIndicators;
}

@ObjectType({ description: 'The classification sheet of a cell for a year: every member and the cell itself.' })
export class ClassificationSheet {
  cellId!: number;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => ClassificationStatus, { description: 'DRAFT until the cell submits, SUBMITTED until the committee approves, then APPROVED.' })
  status!: ClassificationStatus;

  @Field(() => [MemberClassificationRow], { description: 'Every member of the cell (chi bộ sinh hoạt), by id.' })
  members!: MemberClassificationRow[];

  @Field(() => CellClassificationRow, { description: "The cell's own record." })
  cellRecord!: CellClassificationRow;

  @Field(() => Boolean, { description: 'Whether you may enter grades and submit now (the cell\'s secretary or committee staff, while a draft).' })
  editable!: boolean;

  @Field(() => Boolean, { description: 'Whether you may approve or return it now (committee staff over the cell, once submitted).' })
  approvable!: boolean;
}

@ObjectType({ description: 'Progress of one cell\'s classification, for the committee.' })
export class CellClassificationStatus {
  cellId!: number;

  @Field(() => ClassificationStatus, { description: 'Status of the sheet.' })
  status!: ClassificationStatus;

  @Field(() => Int, { description: 'Members whose grade is required.' })
  members!: number;

  @Field(() => Int, { description: 'Of them, graded.' })
  graded!: number;

  @Field(() => Grade, { nullable: true, description: "The cell's own grade, once entered." })
  cellGrade!: Grade | null;
}

@InputType({ description: 'A member\'s grade and comment for a year.' })
export class SetMemberClassificationInput {
  @Field(() => ID, { description: 'The member.' })
  memberId!: string;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Grade, { nullable: true, description: 'Grade; null clears it.' })
  grade?: Grade | null;

  @Field(() => String, { nullable: true, description: 'Comment (nhận xét).' })
  comment?: string | null;
}

@InputType({ description: 'A cell\'s grade and comment for a year.' })
export class SetCellClassificationInput {
  @Field(() => ID, { description: 'The cell.' })
  cellId!: string;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Grade, { nullable: true, description: 'Grade; null clears it.' })
  grade?: Grade | null;

  @Field(() => String, { nullable: true, description: 'Comment.' })
  comment?: string | null;
}

@InputType({ description: 'A cell\'s sheet for a year.' })
export class ClassificationSheetInput {
  @Field(() => ID, { description: 'The cell.' })
  cellId!: string;

  @Field(() => Int, { description: 'Year.' })
  year!: number;
}

@InputType({ description: 'Return a submitted sheet to the cell.' })
export class ReturnClassificationInput extends ClassificationSheetInput {
  @Field(() => String, { description: 'What to change (shown to the cell).' })
  note!: string;
}

@InputType({ description: 'The residence cell rates a member who lives in it but works elsewhere.' })
export class RateResidentMemberInput {
  @Field(() => ID, { description: 'The member.' })
  memberId!: string;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => ResidenceRatingValue, { description: 'Rating.' })
  rating!: ResidenceRatingValue;

  @Field(() => String, { nullable: true, description: 'Comment.' })
  comment?: string | null;
}


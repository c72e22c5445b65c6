import { Committee } from '../modules/committee/committee.entity.js';
import { VisitPolicy } from '../modules/committee/visit-policy.entity.js';
import { Cell } from '../modules/cell/cell.entity.js';
import { Member } from '../modules/member/member.entity.js';
import { Household, HouseholdGroup, HouseholdPoverty } from '../modules/household/household.entity.js';
import { Assignment } from '../modules/assignment/assignment.entity.js';
import { Visit } from '../modules/visit/visit.entity.js';
import { Feedback, FeedbackEvent } from '../modules/feedback/feedback.entity.js';

/** Every MikroORM entity, registered once here (classification is read and written with plain SQL). */
export const entities = [
  Committee, VisitPolicy, Cell, Member, HouseholdGroup, Household, HouseholdPoverty,
  Assignment, Visit, Feedback, FeedbackEvent,
];

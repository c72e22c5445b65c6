import { ObjectType } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.js';
import { Assignment } from './assignment.entity.js';

@ObjectType('AssignmentConnection', { description: 'A page of assignments.' })
export class AssignmentConnection extends connectionOf(Assignment, 'Assignment', 'assignment') {}

import { ObjectType } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.js';
import { Visit } from './visit.entity.js';

@ObjectType('VisitConnection', { description: 'A page of visits, newest first.' })
export class VisitConnection extends connectionOf(Visit, 'Visit', 'visit') {}

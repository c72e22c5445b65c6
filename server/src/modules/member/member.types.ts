import { ObjectType } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.js';
import { Member } from './member.entity.js';

@ObjectType('MemberConnection', { description: 'A page of members.' })
export class MemberConnection extends connectionOf(Member, 'Member', 'member') {}

import { ObjectType } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.js';
import { Feedback } from './feedback.entity.js';

@ObjectType('FeedbackConnection', { description: 'A page of feedback, newest first.' })
export class FeedbackConnection extends connectionOf(Feedback, 'Feedback', 'feedback') {}

import { ObjectType } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.js';
import { Household } from './household.entity.js';

@ObjectType('HouseholdConnection', { description: 'A page of households.' })
export class HouseholdConnection extends connectionOf(Household, 'Household', 'household') {}

import { ObjectType } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.js';
import { Cell } from './cell.entity.js';

@ObjectType('CellConnection', { description: 'A page of cells.' })
export class CellConnection extends connectionOf(Cell, 'Cell', 'cell') {}

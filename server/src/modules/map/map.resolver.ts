import { Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { wholeUnit } from '../../graphql/units.js';
import { CoverageMap } from './map.types.js';
import { DEFAULT_MAX_HOUSEHOLDS, MAX_HOUSEHOLDS, coverageMap } from './map.service.js';

@ArgsType()
class CoverageMapArgs {
  @Field(() => ID, { nullable: true, description: 'A committee (its child units are its communes or cells).' })
  committeeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A cell.' })
  cellId?: string | null;

  @Field(() => Int, { defaultValue: DEFAULT_MAX_HOUSEHOLDS, description: `Most households to list (0 to ${MAX_HOUSEHOLDS}); 0 lists none.` })
  maxHouseholds!: number;
}

@Resolver()
export class MapResolver {
  @Query(() => CoverageMap, { description: 'The coverage map of a committee subtree or a cell, for any reader of the whole unit: outlines coloured by coverage, and the households you may locate.' })
  async coverageMap(@Ctx() ctx: Context, @Args() args: CoverageMapArgs): Promise<CoverageMap> {
    return coverageMap(ctx, await wholeUnit(ctx, args), args.maxHouseholds);
  }
}

import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { SaveQueryInput, SavedQuery, SavedQueryConnection } from './saved-query.types.js';
import { deleteSavedQuery, listSavedQueries, saveQuery } from './saved-query.service.js';
import { Account } from '../account/account.types.js';
import { Committee } from '../committee/committee.entity.js';
import { PageArgsInput } from '../../graphql/page-args.js';
import type { Context } from '../../graphql/context.js';

@Resolver(() => SavedQuery)
export class SavedQueryResolver {
  @Query(() => SavedQueryConnection, { description: 'Saved queries the viewer may run: their own and those shared with a committee they are bound to (or inside).' })
  savedQueries(@Ctx() ctx: Context, @Args() args: PageArgsInput): Promise<SavedQueryConnection> {
    return listSavedQueries(ctx, args);
  }

  @Mutation(() => SavedQuery, { description: 'Create or change a saved query. Errors: BAD_USER_INPUT (document), NOT_FOUND, FORBIDDEN (saved-queries-only roles cannot save).' })
  saveQuery(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg('input', { description: 'The query.' }) input: SaveQueryInput): Promise<SavedQuery> {
    return saveQuery(ctx, info.schema, input);
  }

  @Mutation(() => Boolean, { description: 'Delete one of your saved queries.' })
  deleteSavedQuery(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The saved query.' }) id: string): Promise<boolean> {
    return deleteSavedQuery(ctx, id);
  }

  @FieldResolver(() => Account, { nullable: true, description: 'Who saved it.' })
  owner(@Root() query: SavedQuery, @Ctx() ctx: Context): Promise<Account | null> {
    return ctx.loaders.account.load(query.ownerAccountId);
  }

  @FieldResolver(() => Committee, { nullable: true, description: 'Committee it is shared with, if any.' })
  sharedWith(@Root() query: SavedQuery, @Ctx() ctx: Context): Promise<Committee | null> | null {
    return query.sharedWithCommitteeId ? ctx.loaders.committee.load(query.sharedWithCommitteeId) : null;
  }
}

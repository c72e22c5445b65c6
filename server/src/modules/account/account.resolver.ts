import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Account, AccountConnection, ChangePasswordInput, CreateAccountInput, GrantRoleInput, LoginInput, RoleBinding, Session, Viewer } from './account.types.js';
import { changePassword, login, logout, refreshSession } from './auth.service.js';
import { createAccount, grantRole, listAccounts, revokeRole, setAccountDisabled } from './account.service.js';
import { toViewerType } from './account.mapping.js';
import { Member } from '../member/member.entity.js';
import { Committee } from '../committee/committee.entity.js';
import { Cell } from '../cell/cell.entity.js';
import { PageArgsInput } from '../../graphql/page-args.js';
import type { Context } from '../../graphql/context.js';

@Resolver(() => Session)
export class AuthResolver {
  @Query(() => Viewer, { nullable: true, description: 'The signed-in account and its roles; null without a valid token. Public.' })
  viewer(@Ctx() ctx: Context): Viewer | null {
    return ctx.viewer ? toViewerType(ctx.viewer) : null;
  }

  @Mutation(() => Session, { description: 'Sign in. Public. Errors: INVALID_CREDENTIALS, RATE_LIMITED (extensions.retryAfterSeconds), ACCOUNT_DISABLED.' })
  login(@Ctx() ctx: Context, @Arg('input', { description: 'Credentials.' }) input: LoginInput): Promise<Session> {
    return login(ctx, input.username.trim(), input.password);
  }

  @Mutation(() => Session, { description: 'Exchange a refresh token for a new session; the old refresh token stops working. Public. Error: UNAUTHENTICATED.' })
  refreshSession(@Ctx() ctx: Context, @Arg('refreshToken', { description: 'The refresh token of the session.' }) refreshToken: string): Promise<Session> {
    return refreshSession(ctx, refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Sign out: revokes the session of this refresh token, or the current one. Public.' })
  logout(@Ctx() ctx: Context, @Arg('refreshToken', () => String, { nullable: true, description: 'The refresh token of the session to end.' }) refreshToken?: string | null): Promise<boolean> {
    return logout(ctx, refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Change the signed-in account\'s password; other sessions end. Errors: INVALID_CREDENTIALS (currentPassword), WEAK_PASSWORD.' })
  changePassword(@Ctx() ctx: Context, @Arg('input', { description: 'Passwords.' }) input: ChangePasswordInput): Promise<boolean> {
    return changePassword(ctx, input.currentPassword, input.newPassword);
  }
}

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => AccountConnection, { description: 'Accounts an admin manages (admin only): all for a global admin, else those bound inside the admin\'s subtree.' })
  accounts(@Ctx() ctx: Context, @Args() args: PageArgsInput): Promise<AccountConnection> {
    return listAccounts(ctx, args);
  }

  @Mutation(() => Account, { description: 'Create an account (admin only). Errors: USERNAME_TAKEN, NOT_FOUND (memberId).' })
  createAccount(@Ctx() ctx: Context, @Arg('input', { description: 'The account.' }) input: CreateAccountInput): Promise<Account> {
    return createAccount(ctx, input);
  }

  @Mutation(() => RoleBinding, { description: 'Bind a role to an account (admin only, within the admin\'s subtree). Errors: BAD_USER_INPUT, ACCOUNT_NOT_A_MEMBER, NOT_FOUND.' })
  grantRole(@Ctx() ctx: Context, @Arg('input', { description: 'The binding.' }) input: GrantRoleInput): Promise<RoleBinding> {
    return grantRole(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Remove a role binding (admin only).' })
  revokeRole(@Ctx() ctx: Context, @Arg('roleBindingId', () => ID, { description: 'The binding.' }) id: string): Promise<boolean> {
    return revokeRole(ctx, id);
  }

  @Mutation(() => Account, { description: 'Disable or enable an account (admin only); disabling ends its sessions at once.' })
  setAccountDisabled(
    @Ctx() ctx: Context,
    @Arg('accountId', () => ID, { description: 'The account.' }) accountId: string,
    @Arg('disabled', { description: 'true to disable.' }) disabled: boolean,
  ): Promise<Account> {
    return setAccountDisabled(ctx, accountId, disabled);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member this person is, when visible to the viewer.' })
  member(@Root() account: Account, @Ctx() ctx: Context): Promise<Member | null> | null {
    return account.memberId ? ctx.loaders.member.load(account.memberId) : null;
  }
}

@Resolver(() => RoleBinding)
export class RoleBindingResolver {
  @FieldResolver(() => Committee, { nullable: true, description: 'Committee the role is bound to.' })
  committee(@Root() binding: RoleBinding, @Ctx() ctx: Context): Promise<Committee | null> | null {
    return binding.committeeId ? ctx.loaders.committee.load(binding.committeeId) : null;
  }

  @FieldResolver(() => Cell, { nullable: true, description: 'Cell the role is bound to.' })
  cell(@Root() binding: RoleBinding, @Ctx() ctx: Context): Promise<Cell | null> | null {
    return binding.cellId ? ctx.loaders.cell.load(binding.cellId) : null;
  }
}

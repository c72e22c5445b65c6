import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Role } from '../../auth/viewer.js';
import { connectionOf } from '../../graphql/connection.js';

@ObjectType({ description: 'A sign-in account (tài khoản).' })
export class Account {
  @Field(() => ID, { description: 'Identifier.' })
  id!: number;

  @Field({ description: 'Sign-in name.' })
  username!: string;

  @Field({ description: 'Name shown in the dashboard.' })
  displayName!: string;

  @Field({ description: 'Whether the account is disabled (cannot sign in).' })
  disabled!: boolean;

  /** The member this person is, if any. */
  memberId!: number | null;
}

@ObjectType('AccountConnection', { description: 'A page of accounts.' })
export class AccountConnection extends connectionOf(Account, 'Account', 'account') {}

@ObjectType({ description: 'A role bound to an org unit.' })
export class RoleBinding {
  @Field(() => ID, { description: 'Identifier.' })
  id!: number;

  @Field(() => Role, { description: 'The role.' })
  role!: Role;

  committeeId!: number | null;
  cellId!: number | null;
}

@ObjectType({ description: 'The signed-in account and its roles.' })
export class Viewer {
  @Field(() => Account, { description: 'The account.' })
  account!: Account;

  @Field(() => [RoleBinding], { description: 'Roles and the units they are bound to.' })
  roles!: RoleBinding[];
}

@ObjectType({ description: 'A signed-in session: a short-lived access token and a refresh token.' })
export class Session {
  @Field({ description: 'Send as `Authorization: Bearer <token>` (HTTP) or `authorization` in the graphql-ws connection parameters.' })
  accessToken!: string;

  @Field({ description: 'When the access token stops working; refresh before.' })
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Single-use token for `refreshSession`; valid 30 days, replaced at each refresh.' })
  refreshToken!: string;

  @Field(() => Viewer, { description: 'Who signed in.' })
  viewer!: Viewer;
}

@InputType({ description: 'Sign in.' })
export class LoginInput {
  @Field({ description: 'Sign-in name.' })
  @Length(1, 64)
  username!: string;

  @Field({ description: 'Password.' })
  @Length(1, 200)
  password!: string;
}

@InputType({ description: 'Change the signed-in account\'s password; other sessions are signed out.' })
export class ChangePasswordInput {
  @Field({ description: 'The current password.' })
  @Length(1, 200)
  currentPassword!: string;

  @Field({ description: 'The new password: at least 10 characters.' })
  @Length(10, 200)
  newPassword!: string;
}

@InputType({ description: 'Create an account.' })
export class CreateAccountInput {
  @Field({ description: 'Sign-in name: lower-case letters, digits, dot, dash, underscore; 3–64 characters.' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/)
  username!: string;

  @Field({ description: 'Name shown in the dashboard.' })
  @Length(1, 120)
  displayName!: string;

  @Field({ description: 'Initial password: at least 10 characters.' })
  @Length(10, 200)
  password!: string;

  @Field(() => ID, { nullable: true, description: 'The member this person is, for the MEMBER role.' })
  @IsOptional()
  memberId?: string | null;
}

@InputType({ description: 'Bind a role to an account: committee staff and analysts to a committee, secretaries to a cell, admins globally or to a committee.' })
export class GrantRoleInput {
  @Field(() => ID, { description: 'The account.' })
  accountId!: string;

  @Field(() => Role, { description: 'The role.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Committee the role is bound to.' })
  @IsOptional()
  committeeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Cell the role is bound to.' })
  @IsOptional()
  @MaxLength(12)
  cellId?: string | null;
}

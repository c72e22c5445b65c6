import { graphql } from '../../gql';

/** Who is signed in: the header, the landing page and the guards read only this. */
export const ViewerFieldsFragment = graphql(`
  fragment ViewerFields on Viewer {
    account {
      id
      username
      displayName
      # A MEMBER role is bound to no unit: the member's own cell says where they belong.
      member {
        id
        cell {
          id
          name
          committee {
            id
            name
            kind
          }
        }
      }
    }
    roles {
      role
      committee {
        id
        name
        kind
      }
      cell {
        id
        name
        committee {
          id
          name
          kind
        }
      }
    }
  }
`);

export const SessionFieldsFragment = graphql(`
  fragment SessionFields on Session {
    accessToken
    accessTokenExpiresAt
    refreshToken
    viewer {
      ...ViewerFields
    }
  }
`);

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      ...ViewerFields
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      ...SessionFields
    }
  }
`);

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...SessionFields
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout($refreshToken: String) {
    logout(refreshToken: $refreshToken)
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

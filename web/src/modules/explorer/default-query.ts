/** What a first visit finds in the editor: a small query that runs for every role, and how to go on. */
export const DEFAULT_QUERY = `# Ctrl+Enter: chạy · Ctrl+Space: gợi ý
# Docs (bên trái): mô tả mọi trường
# Có danh sách (nodes) thì xuất được CSV
query ToiLaAi {
  viewer {
    account {
      displayName
    }
    roles {
      role
      committee {
        name
      }
    }
  }
}
`;

export function UsersPage() {
  return <div />;
}

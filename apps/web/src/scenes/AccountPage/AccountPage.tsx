export function AccountPage() {
  return <div />;
}

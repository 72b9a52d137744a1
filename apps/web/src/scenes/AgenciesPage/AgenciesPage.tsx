export function AgenciesPage() {
  return <div />;
}

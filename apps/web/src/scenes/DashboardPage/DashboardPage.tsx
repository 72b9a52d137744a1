export function DashboardPage() {
  return <div />;
}

export function CaseListPage() {
  return <div />;
}

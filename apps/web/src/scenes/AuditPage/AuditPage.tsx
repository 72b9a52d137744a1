export function AuditPage() {
  return <div />;
}

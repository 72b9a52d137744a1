export function EntityPage() {
  return <div />;
}

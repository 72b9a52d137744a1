export function CasePage() {
  return <div />;
}

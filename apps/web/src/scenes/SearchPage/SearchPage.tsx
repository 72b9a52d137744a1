export function SearchPage() {
  return <div />;
}

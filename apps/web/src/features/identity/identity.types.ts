// Shapes of the identity API as the UI uses them. Replaced by '@trag/contracts/identity' types once they land.
export interface SessionAgency {
  id: string;
  name: string;
  country: string;
  kind: string;
  requireTotp?: boolean;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  locale: string;
  totpEnabled: boolean;
  agency: SessionAgency;
}

// Tables of the victims domain; its migrations live in ../migrations/ under dated names.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface VictimsTables {}

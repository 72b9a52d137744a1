// The cases API paths the UI calls, in one place.
const enc = encodeURIComponent;

export const casesApi = {
  dashboard: () => '/api/dashboard',
  list: () => '/api/cases',
  case: (caseId: string) => `/api/cases/${enc(caseId)}`,
  close: (caseId: string) => `/api/cases/${enc(caseId)}/close`,
  reopen: (caseId: string) => `/api/cases/${enc(caseId)}/reopen`,
  members: (caseId: string) => `/api/cases/${enc(caseId)}/members`,
  member: (caseId: string, memberId: string) => `/api/cases/${enc(caseId)}/members/${enc(memberId)}`,
  notes: (caseId: string) => `/api/cases/${enc(caseId)}/notes`,
  tasks: (caseId: string) => `/api/cases/${enc(caseId)}/tasks`,
  task: (taskId: string) => `/api/tasks/${enc(taskId)}`,
  entities: (caseId: string) => `/api/cases/${enc(caseId)}/entities`,
  links: (caseId: string) => `/api/cases/${enc(caseId)}/links`,
  activity: (caseId: string) => `/api/cases/${enc(caseId)}/activity`,
  entity: (entityId: string) => `/api/entities/${enc(entityId)}`,
  link: (linkId: string) => `/api/links/${enc(linkId)}`,
  search: () => '/api/search',
  directory: () => '/api/users/directory',
};

// The case page's tabs, in display order. Other domains (evidence, recruitment, crypto, victims) add ONE entry here:
//   { id: 'evidence', labelKey: 'evidence:tab', component: EvidenceTab },
// `component` receives { caseId }; the tab's URL is /cases/:caseId/<id>.
import type { ComponentType } from 'react';
import { CaseOverviewTab } from './case-overview-tab';
import { CaseMembersTab } from './case-members-tab';
import { CaseEntitiesTab } from './case-entities-tab';
import { CaseNotesTab } from './case-notes-tab';
import { CaseTasksTab } from './case-tasks-tab';
import { CaseActivityTab } from './case-activity-tab';
import { VictimsTab } from '../victims/victims-tab';
import { EvidenceTab } from '../evidence/evidence-tab';
import { RecruitmentTab } from '../recruitment/recruitment-tab';
import { CryptoTab } from '../crypto/crypto-tab';

export interface CaseTabProps {
  caseId: string;
}

export interface CaseTab {
  id: string;
  labelKey: string;
  component: ComponentType<CaseTabProps>;
}

export const caseTabs: CaseTab[] = [
  { id: 'overview', labelKey: 'cases:tabs.overview', component: CaseOverviewTab },
  { id: 'members', labelKey: 'cases:tabs.members', component: CaseMembersTab },
  { id: 'entities', labelKey: 'cases:tabs.entities', component: CaseEntitiesTab },
  { id: 'notes', labelKey: 'cases:tabs.notes', component: CaseNotesTab },
  { id: 'tasks', labelKey: 'cases:tabs.tasks', component: CaseTasksTab },
  { id: 'evidence', labelKey: 'evidence:tab', component: EvidenceTab },
  { id: 'recruitment', labelKey: 'recruitment:tab.tab', component: RecruitmentTab },
  { id: 'crypto', labelKey: 'crypto:tab', component: CryptoTab },
  { id: 'victims', labelKey: 'victims:tab', component: VictimsTab },
  { id: 'activity', labelKey: 'cases:tabs.activity', component: CaseActivityTab },
];

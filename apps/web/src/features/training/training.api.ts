// The training API paths the UI calls, in one place.
const enc = encodeURIComponent;

export const trainingApi = {
  scenarios: () => '/api/training/scenarios',
  scenario: (id: string) => `/api/training/scenarios/${enc(id)}`,
  copy: (id: string) => `/api/training/scenarios/${enc(id)}/copy`,
  publish: (id: string) => `/api/training/scenarios/${enc(id)}/publish`,
  check: () => '/api/training/check',
  sessions: () => '/api/training/sessions',
  session: (id: string) => `/api/training/sessions/${enc(id)}`,
  progress: (id: string) => `/api/training/sessions/${enc(id)}/progress`,
  debrief: (id: string) => `/api/training/sessions/${enc(id)}/debrief`,
  resultsCsv: (id: string) => `/api/training/sessions/${enc(id)}/results.csv`,
  summaryPdf: (id: string) => `/api/training/sessions/${enc(id)}/summary.pdf`,
  certificate: (id: string, participantId: string) =>
    `/api/training/sessions/${enc(id)}/participants/${enc(participantId)}/certificate.pdf`,
  join: () => '/api/training/join',
  attempts: () => '/api/training/attempts',
  attempt: (id: string) => `/api/training/attempts/${enc(id)}`,
  choices: (id: string) => `/api/training/attempts/${enc(id)}/choices`,
  events: () => '/api/events?topics=training.session',
  sessionExercises: (id: string) => `/api/training/sessions/${enc(id)}/exercises`,
  exerciseResults: (id: string) => `/api/training/sessions/${enc(id)}/exercise-results`,
  exercise: (id: string) => `/api/training/exercises/${enc(id)}`,
  exerciseTool: (id: string) => `/api/training/exercises/${enc(id)}/tools`,
  exerciseAnswer: (id: string) => `/api/training/exercises/${enc(id)}/answer`,
  exerciseBundle: (id: string) => `/api/training/exercises/${enc(id)}/bundle.zip`,
  ltiPlatforms: () => '/api/training/lti/platforms',
  ltiPlatform: (id: string) => `/api/training/lti/platforms/${enc(id)}`,
};

/** Mirrors the server policy only to show or hide controls; the server decides. */
export const isTrainer = (role: string) => role === 'trainer' || role === 'administrator';

/** The shape of AttemptView.score once an attempt ended (AttemptScore in @trag/core/training). */
export interface AttemptScoreView {
  overall: number;
  grade: string;
  passed: boolean;
  dimensions: Array<{ dimension: string; percent: number | null }>;
  criticalViolations: Array<{ step: number; knot: string; choiceText: string }>;
  debrief: Array<{
    ruleId: string;
    title: string;
    critical: boolean;
    rationale: string;
    verdict: string;
    moments: Array<{ step: number; knot: string; choiceText: string; outcome: string }>;
  }>;
}

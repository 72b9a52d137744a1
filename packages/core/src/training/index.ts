// Public surface of the training domain: the rules catalogue, scenario compile/check/play, scoring and the shipped
// scenario library.
export { DIMENSIONS, loadRulesCatalogue, parseRulesCatalogue } from './rules-catalogue';
export type { Dimension, InterviewRule, RulesCatalogue } from './rules-catalogue';
export { parseChoiceTags, type ChoiceTags } from './choice-tags';
export { compileInk, type CompileMessage, type CompileResult } from './scenario-compiler';
export { ScenarioPlay, type Decision, type PlayChoice, type PlayState, type PlayStep } from './scenario-play';
export { scoreAttempt, GRADES, GRADE_THRESHOLDS } from './scoring';
export type {
  AttemptScore,
  DebriefMoment,
  DebriefRule,
  DimensionScore,
  Grade,
  RuleOutcome,
  ScoreOptions,
} from './scoring';
export { checkScenario, exploreStory, MAX_CHOICE_SCORE, DEFAULT_MAX_STATES } from './scenario-checker';
export type {
  CheckCode,
  CheckFinding,
  CheckOptions,
  CheckResult,
  ChoiceInfo,
  LanguageReport,
} from './scenario-checker';
export { iloIndicatorIds } from './ilo-indicators';
export {
  loadShippedScenarios,
  loadScenarioDir,
  parseScenarioMeta,
  SCENARIO_LANGUAGES,
  SHIPPED_SCENARIOS_DIR,
} from './scenario-library';
export type { ScenarioLanguage, ScenarioMeta, ScenarioSource } from './scenario-library';
export { TrainingService, TRAINING_TOPIC } from './training.service';
export type {
  AttemptState,
  DebriefChoice,
  DebriefPoint,
  ProgressEntry,
  SessionDebrief,
  TrainingOptions,
} from './training.service';
export type { AttemptRow, ParticipantRow, ScenarioRow, SessionRow } from './training.repository';
export { mayAuthor } from './training.policy';
export { normalizeSessionCode, CODE_ALPHABET } from './session-code';
export {
  validateStatement,
  lrsConfigFromEnv,
  forwardStatements,
  VERBS,
  XAPI_VERSION,
  type LrsConfig,
  type XapiStatement,
} from './xapi';
export { presentAttempt, presentScenarioDetail, presentScenarioSummary, presentSession } from './training.presenter';
export { loadTrainingDemo, type TrainingDemo } from './training.demo';
export {
  createLoginRedirect,
  verifyLaunch,
  postScore,
  serviceToken,
  type LtiLoginStore,
  type PendingLogin,
  AGS_SCORE_SCOPE,
  type LtiLaunch,
  type LtiPlatform,
  type LtiScore,
  type LtiTool,
} from './lti';
export { buildScormPackage, scormManifest, type ScormInput } from './scorm-package';
export {
  EXERCISE_KINDS,
  generateMaterial,
  isExerciseKind,
  type ExerciseKind,
  type ExerciseMaterial,
} from './exercise-material';
export { checkAnswer, type AnswerVerdict, type ExerciseAnswer } from './exercise-answers';
export { ExerciseService, SANDBOX_AGENCY, type SandboxTool, type ExerciseDetail } from './exercise.service';
export { presentExercise, presentExerciseDetail, presentWork } from './exercise.presenter';
export { LtiService, presentPlatform, LAUNCH_TTL_MS, type PlatformInput, type LtiPlayState } from './lti.service';
export { renderLtiPlayer } from './lti-player';
export { LtiLoginDatabaseStore, LOGIN_TTL_MS } from './lti-login-store';

/** The analysis core: pure, database-free, runtime-agnostic. */
export { analyzeTranscript, type AnalyzeOptions } from './analyze.ts';
export type { Extractor, ExtractContext } from './extractor.ts';
export { rulesExtractor, extractWithRules } from './rules.ts';
export { groundExtraction, buildIndex, locate, type OwnerCheck } from './ground.ts';
export { assess, gradeOf, scoreOf, RUBRIC_VERSION, WEIGHTS, SEVERITY, type StakeholderEvidence } from './rubric.ts';
export { dealFacts, knownPeople, type HistoryEntry, type CallView } from './deal.ts';
export { classifyAnswer } from './champion-test.ts';

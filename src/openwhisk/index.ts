// The driver stage's public API: run experiments against OpenWhisk and read their run logs.
export { runExperiment, levelGroups, type RunOptions, type RunSummary } from './runner.js';
export { loadExperiment, experimentFromSpec, experimentSchema, type Experiment, type ExperimentSpec, type RuntimeSpec, type RetryPolicy } from './experiment.js';
export { resolveConnection, parseWskprops, type Connection, type ConnectionFlags } from './connection.js';
export { planBatches, type Batch, type PlannedTrial } from './plan.js';
export { readRunLog, readRunLogSync, type RunHeader, type TrialLine, type ActivationLine, type RunLogState, type Outcome } from './runlog.js';
export { progressFor, silentProgress, type Progress } from './progress.js';
export { runNotes, withRunNotes } from './notes.js';
export { runLogDatasets, runLogDataset, runNotesFor, runLogTitle } from './datasets.js';

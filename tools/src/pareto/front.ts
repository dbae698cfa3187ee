// The Pareto math of multi-objective search, in one import: objectives and domination,
// constraints, non-dominated sorting, crowding distance and survivor selection, hypervolume
// and its contributions, the default reference point, the knee. Pure and deterministic: the
// same inputs give the same bits on every Node and platform (only +, -, *, / and comparisons).
export { dominates, toMinimized, weaklyDominates, type Goal, type Objective } from "./objectives.ts";
export { violation, type Constraint } from "./constraints.ts";
export { nonDominatedRanks, type Point } from "./sorting.ts";
export { constrainedDominates } from "./constrained.ts";
export { crowdingDistances } from "./crowding.ts";
export { selectSurvivors } from "./survivors.ts";
export { hypervolume, hypervolumeContributions } from "./hypervolume.ts";
export { referencePoint } from "./reference.ts";
export { kneeIndex } from "./knee.ts";

// A deterministic split, stratified by class: each class gives round(n * fraction) samples to
// the test set, spread evenly through the class rather than taken from one end.
export function isTestSample(index: number, classSize: number, testFraction: number): boolean {
  const testCount = Math.round(classSize * testFraction);
  return Math.floor(((index + 1) * testCount) / classSize) > Math.floor((index * testCount) / classSize);
}

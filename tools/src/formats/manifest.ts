// Manifests that the rules write at analysis time for databazel's own actions: a mismatch is a
// databazel bug (or rules and bundles from different versions), never the user's doing.
import { readShapedFile, type Shape } from "./shape.ts";

const FIX = "rebuild with one databazel version (clean the output base if the rules were just upgraded); if it persists, report a databazel bug.";

/** Reads a manifest the rules wrote and checks it against its shape. */
export function readManifest<T>(shape: Shape<T>, path: string, what: string): T {
  return readShapedFile(shape, path, what, FIX);
}
